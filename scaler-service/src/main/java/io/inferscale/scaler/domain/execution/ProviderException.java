package io.inferscale.scaler.domain.execution;

/**
 * A classified provider failure. The message is what the action record and the logs keep, so
 * adapters build it from error codes and provider messages, never from request headers or
 * credentials.
 */
public class ProviderException extends RuntimeException {
    private final FailureKind kind;

    public ProviderException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public ProviderException(FailureKind kind, String message, Throwable cause) {
        super(ErrorText.safe(message), cause);
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
