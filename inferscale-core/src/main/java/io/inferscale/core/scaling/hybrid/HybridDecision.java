package io.inferscale.core.scaling.hybrid;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.ScaleDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hybrid decider wants, why, and everything the audit log needs to answer "why did it
 * scale?" later.
 *
 * @param desiredReplicas the replica count to apply (absolute, so applying it twice is harmless)
 * @param reason which rule decided it; see {@link HybridDecider} for the precedence
 * @param explanation the numbers behind it, for humans
 * @param terms each term's proposal; null when the decision came before any was computed (the
 *     current count outside the bounds, or stale telemetry)
 * @param inputs the observations the terms were computed from; null with {@code terms}
 * @param forecastStatus whether the forecast took part, and if not, why not
 * @param telemetryStale true when the demand was missing or too old: the count was held and the
 *     caller should raise its alert metric
 * @param nextState what to pass as {@code previous} to the next decision for this model
 */
public record HybridDecision(
        int desiredReplicas,
        ScalingReason reason,
        String explanation,
        Terms terms,
        Inputs inputs,
        ForecastStatus forecastStatus,
        boolean telemetryStale,
        DeciderState nextState) {

    /**
     * The candidate replica counts.
     *
     * @param reactive the HPA-style term on the observed concurrency
     * @param forecast the predictive term; null unless {@code forecastStatus} is USED
     * @param panic the panic floor (Knative's maxPanicPods); null when not panicking
     * @param proposal the largest of them, before stabilisation
     * @param stabilised the proposal after the stabilisation windows, before max step and bounds
     */
    public record Terms(
            int reactive, Integer forecast, Integer panic, int proposal, int stabilised) {}

    /**
     * @param latencySeconds the latency the forecast was converted with (Little's law), NaN if none
     * @param forecastP90 the p90 forecast read at {@code now + lead time}, in {@code
     *     forecastMetric} units; NaN if none was read
     * @param forecastMetric {@code requests_per_second} or {@code output_tokens_per_second}; null
     *     if none was read
     * @param forecastAgeSeconds how old the forecast's origin was; NaN without a forecast
     */
    public record Inputs(
            double stableConcurrency,
            double panicConcurrency,
            double requestsPerSecond,
            double latencySeconds,
            double forecastP90,
            String forecastMetric,
            double telemetryAgeSeconds,
            double forecastAgeSeconds) {}

    public HybridDecision {
        if (desiredReplicas < 0) {
            throw new IllegalArgumentException("desiredReplicas: must be >= 0");
        }
        if (reason == null || explanation == null || forecastStatus == null || nextState == null) {
            throw new IllegalArgumentException(
                    "reason, explanation, forecastStatus and nextState are required");
        }
    }

    /** The terms as the {@code scaling.decisions} event carries them (absent terms left out). */
    public Map<String, Double> termMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        if (terms != null) {
            map.put("reactive", (double) terms.reactive());
            if (terms.forecast() != null) {
                map.put("forecast", (double) terms.forecast());
            }
            if (terms.panic() != null) {
                map.put("panic", (double) terms.panic());
            }
            map.put("proposal", (double) terms.proposal());
            map.put("stabilised", (double) terms.stabilised());
        }
        return map;
    }

    /** The inputs as the {@code scaling.decisions} event carries them (NaNs left out). */
    public Map<String, Double> inputMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        if (inputs != null) {
            putFinite(map, "stable_concurrency", inputs.stableConcurrency());
            putFinite(map, "panic_concurrency", inputs.panicConcurrency());
            putFinite(map, "requests_per_second", inputs.requestsPerSecond());
            putFinite(map, "latency_seconds", inputs.latencySeconds());
            if (inputs.forecastMetric() != null) {
                putFinite(map, "forecast_p90_" + inputs.forecastMetric(), inputs.forecastP90());
            }
            putFinite(map, "telemetry_age_seconds", inputs.telemetryAgeSeconds());
            putFinite(map, "forecast_age_seconds", inputs.forecastAgeSeconds());
        }
        return map;
    }

    /**
     * The decision in the shape every {@link io.inferscale.core.scaling.ReplicaAutoscaler} returns.
     */
    public ScaleDecision toScaleDecision() {
        return new ScaleDecision(desiredReplicas, reason, explanation);
    }

    private static void putFinite(Map<String, Double> map, String key, double value) {
        if (Double.isFinite(value)) {
            map.put(key, value);
        }
    }
}
