package io.inferscale.contracts;

import java.util.Map;

/**
 * One scaling decision for one model (topic {@code scaling.decisions}), with the inputs that led to
 * it so the audit log can answer "why did it scale?". {@code meta.eventId} identifies the decision;
 * actions refer to it.
 *
 * @param terms the candidate replica counts each term proposed, e.g. {@code forecast}, {@code
 *     reactive}, {@code panic}
 * @param inputs the observations behind them, e.g. {@code forecast_p90_rps}, {@code
 *     observed_concurrency}
 */
public record ScalingDecision(
        EventMeta meta,
        String model,
        ScalingMode mode,
        int currentReplicas,
        int readyReplicas,
        int desiredReplicas,
        ScalingReason reason,
        Map<String, Double> terms,
        Map<String, Double> inputs,
        String explanation)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public ScalingDecision {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notNull(mode, "mode");
        Validate.nonNegative(currentReplicas, "currentReplicas");
        Validate.nonNegative(readyReplicas, "readyReplicas");
        Validate.nonNegative(desiredReplicas, "desiredReplicas");
        Validate.notNull(reason, "reason");
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
