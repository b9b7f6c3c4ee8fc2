package io.inferscale.core.scaling.hybrid;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.core.scaling.ScalingPolicy;

/**
 * The predictive term: the p90 forecast at {@code now + provisioningLeadTime} (a replica asked for
 * now is ready then) divided by what one replica carries.
 *
 * <p>Capacity per replica: with a tokens/s target in the policy and a tokens forecast, that target
 * directly. Otherwise Little's law on the policy's concurrency target: a replica at target holds
 * {@code targetConcurrency} requests, each staying {@code latency} seconds, so it serves {@code
 * targetConcurrency / latency} requests/s, and the forecast rate needs {@code p90 * latency /
 * targetConcurrency} replicas. The latency is measured, not configured ({@code concurrency / rate}
 * over the stable window), so the term is in the same units as the reactive one: a flat forecast at
 * today's rate asks for what the reactive term asks for, without its tolerance.
 */
record ForecastTerm(
        ForecastStatus status, int replicas, double p90, String metric, double ageSeconds) {

    static final String REQUESTS = DemandForecast.REQUESTS_PER_SECOND;
    static final String TOKENS = DemandForecast.OUTPUT_TOKENS_PER_SECOND;

    static ForecastTerm of(
            ForecastView forecast,
            ScalingPolicy policy,
            double latencySeconds,
            HybridSettings settings,
            long nowNanos) {
        if (forecast == null) {
            return unused(ForecastStatus.MISSING, Double.NaN);
        }
        long ageNanos = nowNanos - forecast.originNanos();
        double age = ageNanos / 1e9;
        if (forecast.degraded()) {
            return unused(ForecastStatus.DEGRADED, age);
        }
        if (ageNanos > settings.maxForecastAge().toNanos()) {
            return unused(ForecastStatus.STALE, age);
        }
        long neededAt = saturatedAdd(nowNanos, policy.provisioningLeadTime().toNanos());
        int step = forecast.stepContaining(neededAt);
        if (step > forecast.horizonSteps()) {
            return unused(ForecastStatus.TOO_SHORT, age);
        }
        Double tokensTarget = policy.targetTokensPerSecondPerReplica();
        if (tokensTarget != null && forecast.p90OutputTokensPerSecond() != null) {
            double p90 = forecast.tokensAt(step);
            return new ForecastTerm(
                    ForecastStatus.USED, replicasFor(p90 / tokensTarget), p90, TOKENS, age);
        }
        double p90 = forecast.requestsAt(step);
        if (Double.isNaN(latencySeconds)) {
            return new ForecastTerm(ForecastStatus.NO_CAPACITY, 0, p90, REQUESTS, age);
        }
        double replicas = p90 * latencySeconds / policy.targetConcurrencyPerReplica();
        return new ForecastTerm(ForecastStatus.USED, replicasFor(replicas), p90, REQUESTS, age);
    }

    private static ForecastTerm unused(ForecastStatus status, double ageSeconds) {
        return new ForecastTerm(status, 0, Double.NaN, null, ageSeconds);
    }

    boolean used() {
        return status == ForecastStatus.USED;
    }

    /**
     * Whole replicas for a fractional need. The small slack keeps a need computed as 2.0000000001
     * from rounding at 3.
     */
    static int replicasFor(double replicas) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.ceil(replicas - 1e-9)));
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
