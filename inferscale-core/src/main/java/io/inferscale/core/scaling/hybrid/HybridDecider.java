package io.inferscale.core.scaling.hybrid;

import io.inferscale.contracts.ScalingReason;
import io.inferscale.core.scaling.HpaReplicaCalculator;
import io.inferscale.core.scaling.ScalingPolicy;
import io.inferscale.core.scaling.hybrid.DeciderState.Recommendation;
import java.util.List;

/**
 * Hybrid predictive + reactive scaling as one pure function (STYLE.md §1): the same call decides in
 * the scaler-service (wall-clock nanoseconds) and in the fleet simulator (virtual nanoseconds). No
 * clock, no fields that change: what it remembers goes out in {@link HybridDecision#nextState()}
 * and comes back as {@code previous}.
 *
 * <p>One decision, in order:
 *
 * <ol>
 *   <li><b>Bounds</b>: a current count outside the policy's [min, max] (the policy was just edited)
 *       goes straight back inside, before anything else and regardless of max step.
 *   <li><b>Staleness</b>: without demand telemetry, or with telemetry older than {@link
 *       HybridSettings#maxTelemetryAge()}, hold the current count (fail static: a scraper outage
 *       must not read as zero load) and flag the alert.
 *   <li><b>Reactive term</b>: the HPA's replica calculation ({@link HpaReplicaCalculator}) on the
 *       stable-window concurrency, with its tolerance.
 *   <li><b>Panic</b> (Knative): when the panic-window concurrency reaches {@link
 *       HybridSettings#panicThreshold()} times what the ready replicas carry at target, panic until
 *       {@link HybridSettings#panicHold()} after the last such burst: take the largest count asked
 *       for since the panic began, skip the scale-up window, and never scale down.
 *   <li><b>Predictive term</b> ({@link ForecastTerm}): the p90 forecast at {@code now +
 *       provisioningLeadTime} in replicas. A missing, degraded, stale or too short forecast leaves
 *       the decision to the reactive term alone.
 *   <li><b>Proposal</b> = the largest term. The forecast can only add capacity: the count falls
 *       only when the reactive term is below it too, and then no lower than the forecast (never
 *       scale in on the forecast alone, as AWS predictive scaling).
 *   <li><b>Stabilisation</b> (HPA windows over the proposals of the recent past, kept in the
 *       state), then <b>max step</b> and the bounds.
 * </ol>
 *
 * <p>Reason precedence: BOUNDS (the bounds cut the result), PANIC, STALENESS (reactive only: a
 * forecast exists but was degraded, stale or too short; no forecast at all is not staleness), then
 * the term that set the proposal: FORECAST or REACTIVE when the count changes; STABILISATION when a
 * window held a change back; FORECAST when the forecast alone kept capacity the reactive term would
 * release; otherwise NO_CHANGE.
 *
 * <p>A fresh state (no history) counts the current size as recommended now, so a decider that lost
 * its state does not scale in before one scale-down window has passed.
 */
public final class HybridDecider {

    private final HybridSettings settings;

    public HybridDecider(HybridSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings: are required");
        }
        this.settings = settings;
    }

    public HybridSettings settings() {
        return settings;
    }

    /**
     * @param fleet the replicas now
     * @param demand the windowed load; null when there is none (no telemetry at all)
     * @param forecast the latest demand forecast; null when there is none
     * @param policy the model's scaling policy (its mode is the caller's business: the decision is
     *     the same whether it is then applied or only recorded)
     * @param previous the state the previous decision returned, or {@link DeciderState#initial()}
     * @param nowNanos the decision time, on the same clock as the demand and forecast times
     */
    public HybridDecision decide(
            FleetView fleet,
            DemandView demand,
            ForecastView forecast,
            ScalingPolicy policy,
            DeciderState previous,
            long nowNanos) {
        if (fleet == null || policy == null || previous == null) {
            throw new IllegalArgumentException("fleet, policy and previous are required");
        }
        int current = fleet.currentReplicas();
        if (current < policy.minReplicas() || current > policy.maxReplicas()) {
            return outOfBounds(current, policy, previous);
        }
        if (demand == null
                || nowNanos - demand.observedAtNanos() > settings.maxTelemetryAge().toNanos()) {
            return staleTelemetry(current, demand, previous, nowNanos);
        }
        int ready = Math.min(fleet.readyReplicas(), current);
        double target = policy.targetConcurrencyPerReplica();
        double latency = latency(demand, ready, previous);

        int reactive = reactiveTerm(demand, target, current, ready);
        Panic panic =
                Panic.next(demand, target, current, ready, reactive, previous, settings, nowNanos);
        ForecastTerm predictive = ForecastTerm.of(forecast, policy, latency, settings, nowNanos);

        int proposal = predictive.used() ? Math.max(reactive, predictive.replicas()) : reactive;
        List<Recommendation> history =
                previous.recommendations().isEmpty()
                        ? List.of(new Recommendation(nowNanos, current))
                        : previous.recommendations();
        int stabilised;
        if (panic.active()) {
            // We do not scale down while in panic mode, and scale up without waiting.
            proposal = Math.max(proposal, panic.peak());
            stabilised = Math.max(proposal, current);
        } else {
            stabilised =
                    Stabilisation.stabilise(
                            history,
                            nowNanos,
                            policy.scaleUpStabilisation().toNanos(),
                            policy.scaleDownStabilisation().toNanos(),
                            current,
                            proposal);
        }
        int stepped = withinStep(stabilised, current, policy.maxStep());
        int desired = policy.clamp(stepped);

        long keep =
                Math.max(
                        policy.scaleUpStabilisation().toNanos(),
                        policy.scaleDownStabilisation().toNanos());
        DeciderState next =
                new DeciderState(
                        Stabilisation.remember(history, nowNanos, keep, proposal),
                        panic.lastPanicNanos(),
                        panic.peak(),
                        latency);
        HybridDecision.Terms terms =
                new HybridDecision.Terms(
                        reactive,
                        predictive.used() ? predictive.replicas() : null,
                        panic.active() ? panic.peak() : null,
                        proposal,
                        stabilised);
        HybridDecision.Inputs inputs =
                new HybridDecision.Inputs(
                        demand.stableConcurrency(),
                        demand.panicConcurrency(),
                        demand.requestsPerSecond(),
                        latency,
                        predictive.p90(),
                        predictive.metric(),
                        (nowNanos - demand.observedAtNanos()) / 1e9,
                        predictive.ageSeconds());
        boolean forecastWon = predictive.used() && predictive.replicas() > reactive;
        ScalingReason reason =
                reason(
                        current,
                        proposal,
                        stepped,
                        desired,
                        panic.active(),
                        predictive,
                        forecastWon);
        String why =
                Explanation.of(current, ready, target, policy, terms, inputs, predictive, desired);
        return new HybridDecision(
                desired, reason, why, terms, inputs, predictive.status(), false, next);
    }

    private static ScalingReason reason(
            int current,
            int proposal,
            int stepped,
            int desired,
            boolean panicking,
            ForecastTerm predictive,
            boolean forecastWon) {
        if (desired != stepped) {
            return ScalingReason.BOUNDS;
        }
        if (panicking) {
            return ScalingReason.PANIC;
        }
        if (!predictive.used() && predictive.status() != ForecastStatus.MISSING) {
            // A forecast exists but could not be trusted. Without one at all (no forecaster for
            // this model) the reactive term is simply the policy, not a degraded mode.
            return ScalingReason.STALENESS;
        }
        if (desired != current) {
            return forecastWon ? ScalingReason.FORECAST : ScalingReason.REACTIVE;
        }
        if (proposal != current) {
            return ScalingReason.STABILISATION;
        }
        return forecastWon ? ScalingReason.FORECAST : ScalingReason.NO_CHANGE;
    }

    /**
     * Little's law over the stable window, measured only while replicas serve and requests arrive
     * fast enough for the ratio to mean something; otherwise the last measurement.
     */
    private double latency(DemandView demand, int ready, DeciderState previous) {
        if (ready > 0 && demand.requestsPerSecond() >= settings.minRequestsPerSecondForLatency()) {
            return demand.stableConcurrency() / demand.requestsPerSecond();
        }
        return previous.latencySeconds();
    }

    private int reactiveTerm(DemandView demand, double target, int current, int ready) {
        if (ready == 0) {
            if (current > 0) {
                return current; // all still starting: nothing measured to act on
            }
            // Scaled to zero: any arrival wakes the model (Knative's activator does this).
            boolean load = demand.requestsPerSecond() > 0 || demand.stableConcurrency() > 0;
            return load
                    ? Math.max(1, ForecastTerm.replicasFor(demand.stableConcurrency() / target))
                    : 0;
        }
        return HpaReplicaCalculator.desiredReplicas(
                demand.stableConcurrency() / ready, target, settings.tolerance(), current, ready);
    }

    private static int withinStep(int replicas, int current, int maxStep) {
        long low = (long) current - maxStep;
        long high = (long) current + maxStep;
        return (int) Math.max(low, Math.min(high, replicas));
    }

    private static HybridDecision outOfBounds(
            int current, ScalingPolicy policy, DeciderState previous) {
        int bounded = policy.clamp(current);
        return new HybridDecision(
                bounded,
                ScalingReason.BOUNDS,
                current
                        + " replicas is outside ["
                        + policy.minReplicas()
                        + ", "
                        + policy.maxReplicas()
                        + "]: "
                        + bounded,
                null,
                null,
                ForecastStatus.NOT_EVALUATED,
                false,
                previous);
    }

    private HybridDecision staleTelemetry(
            int current, DemandView demand, DeciderState previous, long nowNanos) {
        String why =
                demand == null
                        ? "no demand telemetry"
                        : "demand telemetry "
                                + Explanation.round((nowNanos - demand.observedAtNanos()) / 1e9)
                                + " s old (max "
                                + settings.maxTelemetryAge().toSeconds()
                                + " s)";
        return new HybridDecision(
                current,
                ScalingReason.STALENESS,
                why + ": holding " + current,
                null,
                null,
                ForecastStatus.NOT_EVALUATED,
                true,
                previous);
    }
}
