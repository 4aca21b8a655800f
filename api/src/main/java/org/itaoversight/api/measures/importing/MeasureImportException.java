package org.itaoversight.api.measures.importing;

import java.util.List;

/** A report that cannot be stored as asked (another agency's document, no year…); nothing was stored. */
public final class MeasureImportException extends RuntimeException {

    private final List<String> problems;

    public MeasureImportException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
