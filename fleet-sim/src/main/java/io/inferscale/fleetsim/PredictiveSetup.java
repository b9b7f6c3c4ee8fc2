package io.inferscale.fleetsim;

import io.inferscale.contracts.ScalingMode;
import io.inferscale.core.scaling.AutoscalerSettings;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.HybridDecider;
import io.inferscale.core.scaling.hybrid.HybridSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the {@code predictive} autoscaler for a benchmark run: the scaling policy (the same bounds
 * and target as every other autoscaler, see {@link ScalingDefaults}), the decider and its
 * walk-forward forecaster.
 */
final class PredictiveSetup {

    private PredictiveSetup() {}

    static PredictiveAutoscaler create(
            BenchArgs args,
            SimSettings sim,
            AutoscalerSettings scaling,
            Instant traceStart,
            ForecastHistory history) {
        ScalingPolicy policy =
                ScalingDefaults.predictivePolicy(
                        scaling, sim, args.maxStep(), args.scaleDownWindow());
        int horizon = horizonSteps(policy.provisioningLeadTime());
        ForecastFeed feed =
                new ForecastFeed(
                        BaselineForecasters.create(args.forecaster(), horizon),
                        traceStart,
                        history == null ? null : history.counts(),
                        history == null ? 0 : history.firstMinute(),
                        args.refitEvery(),
                        BaselineForecasters.recentMinutes(args.forecaster()),
                        horizon);
        return new PredictiveAutoscaler(new HybridDecider(HybridSettings.defaults()), policy, feed);
    }

    /**
     * Forecast steps (minutes) to cover {@code now + lead} from an origin up to a minute and a
     * decision interval old, plus one.
     */
    static int horizonSteps(Duration lead) {
        long minute = ForecastFeed.MINUTE_NANOS;
        long reach = lead.toNanos() + minute + PredictiveAutoscaler.TICK_NANOS;
        return (int) (reach / minute) + 2;
    }

    /** For {@link ScalingPolicy}'s required provider fields: the simulator applies decisions. */
    static ScalingPolicy policy(
            AutoscalerSettings scaling,
            Duration lead,
            Duration scaleDownStabilisation,
            int maxStep,
            Long sloTtftMs,
            Long sloLatencyMs) {
        return new ScalingPolicy(
                "model",
                scaling.minReplicas(),
                scaling.maxReplicas(),
                scaling.targetConcurrencyPerReplica(),
                null,
                sloTtftMs == null ? null : Math.toIntExact(sloTtftMs),
                sloLatencyMs == null ? null : Math.toIntExact(sloLatencyMs),
                lead,
                Duration.ZERO,
                scaleDownStabilisation,
                maxStep,
                ScalingMode.AUTO,
                "fleet-sim",
                "model");
    }
}
