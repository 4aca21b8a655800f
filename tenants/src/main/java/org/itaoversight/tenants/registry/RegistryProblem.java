package org.itaoversight.tenants.registry;

/**
 * One thing wrong with a code list: where (source, line, column) and why.
 *
 * @param line   1-based line number in the source, 0 when the problem is not tied to a line
 * @param column the column name, empty when the problem concerns the whole row or file
 */
public record RegistryProblem(String source, int line, String column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (!column.isEmpty()) {
            where.append(", column ").append(column);
        }
        return where + ": " + message;
    }
}
