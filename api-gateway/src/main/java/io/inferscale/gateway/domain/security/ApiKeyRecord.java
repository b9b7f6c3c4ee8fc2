package io.inferscale.gateway.domain.security;

import java.time.Instant;

/** A stored API key (never the secret itself) with its rate limit. */
public record ApiKeyRecord(
        String id,
        String name,
        String secretHash,
        double ratePerSecond,
        int burst,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
