package io.inferscale.collector.domain;

import java.time.Instant;

/** A stored request, as the API returns it (not the persistence row, not the Kafka event). */
public record RecordedRequest(
        String eventId,
        String model,
        String replicaId,
        String gatewayId,
        int status,
        String outcome,
        Instant startedAt,
        Instant finishedAt,
        double latencyMs,
        Double ttftMs,
        Integer promptTokens,
        Integer outputTokens,
        String policy) {}
