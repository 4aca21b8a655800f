package org.itaoversight.api.measures;

/** An update based on a version that is no longer the stored one: someone changed the measure in between. */
public final class StaleMeasureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Measure current;

    public StaleMeasureException(Measure current, int sentVersion) {
        super("measure " + current.id() + " was changed by someone else: you edited version " + sentVersion
                + ", it is now at version " + current.version() + "; reload it and apply your change again");
        this.current = current;
    }

    public Measure current() {
        return current;
    }
}
