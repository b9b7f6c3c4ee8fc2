package io.inferscale.core.scaling;

/**
 * A reactive replica autoscaler as a pure decider (STYLE.md §1): it never reads a clock, never
 * touches a fleet, and only answers "how many replicas now?". Time is virtual nanoseconds passed in
 * by the caller, so the fleet simulator and the scaler-service run the same instance code.
 *
 * <p>Protocol: call {@link #observe} for every metrics sample (the simulator: every second), and
 * {@link #decide} every {@link #tickNanos()}; times must not go backwards. An instance keeps state
 * (metric windows, stabilisation history, panic mode) for one model, so each model gets its own,
 * and it is not thread-safe. {@code decide} assumes the caller applies the decision it returns: the
 * rate limits count the changes it asked for.
 */
public interface ReplicaAutoscaler {

    /** The name users select it by ({@code static}, {@code hpa}, {@code kpa}). */
    String name();

    /** How often {@link #decide} should be called, in nanoseconds (HPA 15 s, KPA 2 s). */
    long tickNanos();

    /** Records one fleet-wide load sample. O(1) amortised and allocation-free. */
    void observe(long nowNanos, LoadSample sample);

    /**
     * @param currentReplicas replicas asked for so far, including those still starting
     * @param readyReplicas replicas serving traffic now ({@code <= currentReplicas} normally)
     * @return the replica count to apply, always within the configured [min, max]
     */
    ScaleDecision decide(long nowNanos, int currentReplicas, int readyReplicas);
}
