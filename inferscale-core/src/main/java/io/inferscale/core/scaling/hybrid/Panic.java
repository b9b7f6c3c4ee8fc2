package io.inferscale.core.scaling.hybrid;

/**
 * Knative's panic mode: a burst of at least {@code panicThreshold} times what the ready replicas
 * carry at target starts (or extends) a panic that lasts {@code panicHold} after the last such
 * burst. While it lasts the fleet never shrinks: {@code peak} is the most replicas asked for since
 * it began, starting from the size the panic found.
 *
 * @param lastPanicNanos when the threshold was last crossed; {@link DeciderState#NEVER} when calm
 * @param peak the floor while panicking; 0 when calm
 */
record Panic(long lastPanicNanos, int peak) {

    private static final Panic CALM = new Panic(DeciderState.NEVER, 0);

    boolean active() {
        return lastPanicNanos != DeciderState.NEVER;
    }

    static Panic next(
            DemandView demand,
            double target,
            int current,
            int ready,
            int reactive,
            DeciderState previous,
            HybridSettings settings,
            long nowNanos) {
        double capacity = target * Math.max(1, ready);
        boolean burst = demand.panicConcurrency() >= settings.panicThreshold() * capacity;
        long last = previous.lastPanicNanos();
        int peak = previous.panicPeak();
        if (burst) {
            if (last == DeciderState.NEVER) {
                peak = current;
            }
            last = nowNanos;
        } else if (last != DeciderState.NEVER && nowNanos - last > settings.panicHold().toNanos()) {
            return CALM; // the burst has made its way into the stable window
        }
        if (last == DeciderState.NEVER) {
            return CALM;
        }
        int wanted = ForecastTerm.replicasFor(demand.panicConcurrency() / target);
        return new Panic(last, Math.max(Math.max(peak, current), Math.max(wanted, reactive)));
    }
}
