package io.inferscale.contracts;

import java.time.Instant;

/**
 * One inference request as observed by a gateway (topic {@code telemetry.requests}). Token counts
 * and timings are nullable: a gateway only knows what the replica told it.
 *
 * @param replicaId the replica that served the last attempt; null when none was chosen
 * @param startedAt when the gateway received the request; {@code meta.eventTime} is when it
 *     finished
 * @param ttftMs time to the first response byte of a streamed response
 * @param queueMs time the replica reports the request waited for admission
 * @param attempts 1, or 2 when the gateway retried on another replica
 * @param policy the routing policy that chose the replica (e.g. {@code p2c}, {@code rl})
 */
public record RequestTelemetry(
        EventMeta meta,
        String model,
        String replicaId,
        String gatewayId,
        String path,
        int status,
        RequestOutcome outcome,
        Instant startedAt,
        double latencyMs,
        Double ttftMs,
        Integer promptTokens,
        Integer outputTokens,
        Double queueMs,
        boolean streamed,
        int attempts,
        String policy)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public RequestTelemetry {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notBlank(gatewayId, "gatewayId");
        Validate.notNull(outcome, "outcome");
        Validate.notNull(startedAt, "startedAt");
        if (status < 100 || status > 599) {
            throw new InvalidEventException(
                    "status must be an HTTP status (100..599), was " + status);
        }
        Validate.nonNegative(latencyMs, "latencyMs");
        Validate.nonNegative(ttftMs, "ttftMs");
        Validate.nonNegative(queueMs, "queueMs");
        if (promptTokens != null) Validate.nonNegative(promptTokens, "promptTokens");
        if (outputTokens != null) Validate.nonNegative(outputTokens, "outputTokens");
        if (attempts < 1) {
            throw new InvalidEventException("attempts must be >= 1, was " + attempts);
        }
    }
}
