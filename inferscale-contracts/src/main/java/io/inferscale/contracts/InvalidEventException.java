package io.inferscale.contracts;

/**
 * An event that breaks its contract. Never retried: it goes to the dead-letter topic with this
 * message.
 */
public class InvalidEventException extends IllegalArgumentException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
