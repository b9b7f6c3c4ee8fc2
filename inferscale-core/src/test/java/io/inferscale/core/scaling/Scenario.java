package io.inferscale.core.scaling;

/**
 * A scripted fleet in virtual time, the knative {@code TestAutoscalerScale} way: one metrics sample
 * per second, a decision every {@link ReplicaAutoscaler#tickNanos()}, and every decision applied at
 * once (replicas are ready as soon as they are asked for). Requests take one second, so arrivals
 * per second equal the requests in flight; with no replica ready none are in flight.
 */
record Scenario(AutoscalerSettings settings, int initialReplicas, Workload load, long untilSecond) {
    static final long SECOND = 1_000_000_000L;

    static Scenario of(
            AutoscalerSettings settings, int initialReplicas, Workload load, long untilSecond) {
        return new Scenario(settings, initialReplicas, load, untilSecond);
    }

    /** The last decision made at or before {@code untilSecond}. */
    ScaleDecision run(String autoscaler) {
        ReplicaAutoscaler scaler = Autoscalers.create(autoscaler, settings);
        int replicas = initialReplicas;
        ScaleDecision last = null;
        for (long second = 0; second <= untilSecond; second++) {
            long now = second * SECOND;
            double load = this.load.inFlight(second);
            scaler.observe(now, new LoadSample(replicas == 0 ? 0 : load, load, replicas));
            if (second > 0 && now % scaler.tickNanos() == 0) {
                last = scaler.decide(now, replicas, replicas);
                replicas = last.desiredReplicas();
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return initialReplicas + " replicas until " + untilSecond + " s";
    }
}
