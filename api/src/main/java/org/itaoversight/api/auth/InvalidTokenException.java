package org.itaoversight.api.auth;

/** A bearer token that is not acceptable; the message says why (logged, never sent to the caller). */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
