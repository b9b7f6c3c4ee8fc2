package io.inferscale.contracts;

/** How one inference request ended, as the gateway saw it. */
public enum RequestOutcome {
    /** The replica answered 2xx. */
    OK,
    /** The client's fault (4xx from the replica or the gateway: bad body, unknown model, auth). */
    CLIENT_ERROR,
    /** The replica failed (5xx, connect failure, reset) after any retry. */
    UPSTREAM_ERROR,
    /** No ready replica could take it (503 from the gateway). */
    NO_REPLICA,
    /** The per-route timeout expired. */
    TIMEOUT,
    /** Refused by the per-key rate limit (429). */
    RATE_LIMITED,
    /** The client went away before the response finished. */
    CANCELLED
}
