package io.inferscale.core.scaling;

/**
 * One fleet-wide load sample for one model.
 *
 * @param inFlight requests in flight on the ready replicas (the sum over replicas, not an average);
 *     the concurrency both HPA (per replica) and KPA (per revision) scale on
 * @param arrivalsPerSecond request arrival rate; the baselines use it only while no replica is
 *     ready, as the stand-in for Knative's activator (see {@link KpaAutoscaler})
 * @param readyReplicas replicas the in-flight requests are spread over
 */
public record LoadSample(double inFlight, double arrivalsPerSecond, int readyReplicas) {
    public LoadSample {
        if (!(inFlight >= 0) || Double.isInfinite(inFlight)) {
            throw new IllegalArgumentException("inFlight: must be finite and >= 0");
        }
        if (!(arrivalsPerSecond >= 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new IllegalArgumentException("arrivalsPerSecond: must be finite and >= 0");
        }
        if (readyReplicas < 0) {
            throw new IllegalArgumentException("readyReplicas: must be >= 0");
        }
    }
}
