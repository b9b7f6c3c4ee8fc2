package io.inferscale.fleetsim;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.LoadSample;
import io.inferscale.core.scaling.ReplicaAutoscaler;
import io.inferscale.core.scaling.ScaleDecision;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.DeciderState;
import io.inferscale.core.scaling.hybrid.DemandWindows;
import io.inferscale.core.scaling.hybrid.FleetView;
import io.inferscale.core.scaling.hybrid.HybridDecider;
import io.inferscale.core.scaling.hybrid.HybridDecision;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scaler-service's hybrid decider ({@link HybridDecider}) in the simulator: the load samples go
 * through {@link DemandWindows}, the forecasts come from a walk-forward {@link ForecastFeed}, and
 * the decider's state is kept here between decisions, as the service keeps it in its store.
 */
final class PredictiveAutoscaler implements ReplicaAutoscaler {

    static final String NAME = "predictive";

    /** The HPA's sync period, so both decide equally often. */
    static final long TICK_NANOS = 15_000_000_000L;

    private final HybridDecider decider;
    private final ScalingPolicy policy;
    private final ForecastFeed forecasts;
    private final DemandWindows windows = new DemandWindows();
    private final Map<ScalingReason, Long> reasons = new EnumMap<>(ScalingReason.class);
    private DeciderState state = DeciderState.initial();

    PredictiveAutoscaler(HybridDecider decider, ScalingPolicy policy, ForecastFeed forecasts) {
        this.decider = decider;
        this.policy = policy;
        this.forecasts = forecasts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long tickNanos() {
        return TICK_NANOS;
    }

    @Override
    public void observe(long nowNanos, LoadSample sample) {
        windows.record(nowNanos, sample.inFlight(), sample.arrivalsPerSecond());
        forecasts.observe(nowNanos, sample.arrivalsPerSecond());
    }

    @Override
    public ScaleDecision decide(long nowNanos, int currentReplicas, int readyReplicas) {
        HybridDecision d =
                decider.decide(
                        new FleetView(currentReplicas, readyReplicas),
                        windows.view(nowNanos),
                        forecasts.latest(),
                        policy,
                        state,
                        nowNanos);
        state = d.nextState();
        reasons.merge(d.reason(), 1L, Long::sum);
        return d.toScaleDecision();
    }

    /** How many decisions each reason decided, for reports. */
    Map<ScalingReason, Long> reasons() {
        return Map.copyOf(reasons);
    }

    ForecastFeed forecasts() {
        return forecasts;
    }
}
