package io.inferscale.contracts;

/** The result of one attempt to apply a desired replica count through a provider. */
public enum ActionOutcome {
    SUCCEEDED,
    /** Failed, and will be retried with back-off. */
    RETRYING,
    /** Failed for good (retries exhausted, circuit open, or a non-retryable error). */
    FAILED,
    /** Nothing to do: the provider already had the desired count, or the mode forbids acting. */
    SKIPPED
}
