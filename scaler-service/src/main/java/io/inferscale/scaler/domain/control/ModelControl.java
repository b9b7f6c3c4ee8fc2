package io.inferscale.scaler.domain.control;

import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.DeciderState;
import io.inferscale.core.scaling.hybrid.DemandWindows;
import io.inferscale.core.scaling.hybrid.FleetView;
import io.inferscale.core.scaling.hybrid.ForecastView;
import io.inferscale.core.scaling.hybrid.HybridDecider;
import io.inferscale.core.scaling.hybrid.HybridDecision;

/**
 * The control state of one model this instance owns: the decider's load windows, fed a sample per
 * second, and the state the last decision handed back. A new owner (after a restart or a rebalance)
 * starts from {@link DeciderState#initial()}, which the decider treats conservatively: no scale-in
 * before one scale-down window. Synchronized: the sampler and the decisions run on different
 * threads, so a slow provider call never leaves a gap (read as zero load) in the windows.
 */
public final class ModelControl {
    private final DemandWindows windows = new DemandWindows();
    private DeciderState state = DeciderState.initial();
    private long lastSampleNanos = Long.MIN_VALUE;

    public synchronized void sample(LoadSignals.Sample s) {
        if (s.atNanos() > lastSampleNanos) {
            windows.record(s.atNanos(), s.inFlight(), s.requestsPerSecond());
            lastSampleNanos = s.atNanos();
        }
    }

    /** Decides and keeps the state it returns; applying the decision is the caller's business. */
    public synchronized HybridDecision decide(
            HybridDecider decider,
            FleetView fleet,
            ForecastView forecast,
            ScalingPolicy policy,
            long nowNanos) {
        HybridDecision d =
                decider.decide(fleet, windows.view(nowNanos), forecast, policy, state, nowNanos);
        state = d.nextState();
        return d;
    }
}
