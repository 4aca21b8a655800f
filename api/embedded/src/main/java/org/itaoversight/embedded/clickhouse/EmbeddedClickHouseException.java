package org.itaoversight.embedded.clickhouse;

/** The embedded ClickHouse engine could not be started, reached or stopped; the message says why. */
public final class EmbeddedClickHouseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedClickHouseException(String message) {
        super(message);
    }

    public EmbeddedClickHouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
