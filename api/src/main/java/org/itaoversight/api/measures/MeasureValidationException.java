package org.itaoversight.api.measures;

import java.util.Map;

/** A measure that cannot be stored as sent; carries a message per field. */
public final class MeasureValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;

    public MeasureValidationException(Map<String, String> errors) {
        super("the measure has " + errors.size() + " invalid field(s): " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
