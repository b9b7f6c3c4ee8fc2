package io.inferscale.rl.domain;

import java.time.Instant;
import java.util.Map;

/** A published routing policy version and the evaluation that justified it. */
public record PolicyVersion(
        String model,
        long version,
        String algorithm,
        Instant trainedAt,
        Instant expiresAt,
        Map<String, Double> evaluation,
        String fallback,
        String producer) {}
