package io.inferscale.scaler.domain.execution;

/**
 * Why a provider call failed, as far as retrying is concerned. Every adapter maps its SDK's errors
 * onto these, so one retry policy serves all providers.
 */
public enum FailureKind {
    /** HTTP 429, AWS {@code Throttling}, GCP {@code RESOURCE_EXHAUSTED}: back off and retry. */
    THROTTLED(true),
    /** HTTP 5xx or a provider-side transient fault. */
    SERVER_ERROR(true),
    /** No answer in time; the request may or may not have been applied (absolute counts). */
    TIMEOUT(true),
    /** Could not connect. */
    UNREACHABLE(true),
    /** A 4xx validation error: the same request will fail again. */
    INVALID_REQUEST(false),
    /** Credentials missing, rejected or not allowed to act on the resource. */
    NOT_AUTHORIZED(false),
    /** The target resource does not exist. */
    NOT_FOUND(false),
    /** The target string does not name a resource this provider understands. */
    INVALID_TARGET(false),
    /** Not attempted: the provider's circuit breaker is open. */
    CIRCUIT_OPEN(false),
    /** Anything else, e.g. a local process that would not start. */
    OTHER(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
