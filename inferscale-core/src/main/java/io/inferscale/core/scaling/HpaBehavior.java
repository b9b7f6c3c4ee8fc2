package io.inferscale.core.scaling;

/**
 * The stateful half of the HPA's {@code normalizeDesiredReplicasWithBehaviors} (kubernetes {@code
 * pkg/controller/podautoscaler/horizontal.go}): the recommendation history behind the stabilisation
 * windows and the scale events behind the rate-limiting policies. All comparisons are the
 * controller's strict "after the cutoff".
 */
final class HpaBehavior {
    private final HpaScalingRules up;
    private final HpaScalingRules down;
    private final long upWindowNanos;
    private final long downWindowNanos;
    private final TimedIntLog recommendations = new TimedIntLog();
    private final TimedIntLog scaleUpEvents = new TimedIntLog();
    private final TimedIntLog scaleDownEvents = new TimedIntLog();

    HpaBehavior(HpaScalingRules up, HpaScalingRules down) {
        this.up = up;
        this.down = down;
        this.upWindowNanos = up.stabilisationWindow().toNanos();
        this.downWindowNanos = down.stabilisationWindow().toNanos();
    }

    /**
     * {@code stabilizeRecommendationWithBehaviors}: scale up no further than the lowest, and down
     * no further than the highest, recommendation within each direction's window; then remember
     * this (unstabilised) recommendation.
     */
    int stabilise(long nowNanos, int currentReplicas, int desiredReplicas) {
        long upCutoff = nowNanos - upWindowNanos;
        long downCutoff = nowNanos - downWindowNanos;
        recommendations.dropUpTo(Math.min(upCutoff, downCutoff));
        int upRecommendation = recommendations.minAfter(upCutoff, desiredReplicas);
        int downRecommendation = recommendations.maxAfter(downCutoff, desiredReplicas);
        recommendations.add(nowNanos, desiredReplicas);
        int recommendation = currentReplicas;
        if (recommendation < upRecommendation) {
            recommendation = upRecommendation;
        }
        if (recommendation > downRecommendation) {
            recommendation = downRecommendation;
        }
        return recommendation;
    }

    /** {@code calculateScaleUpLimitWithScalingRules}: the most replicas the policies allow now. */
    int scaleUpLimit(long nowNanos, int currentReplicas) {
        if (up.selectPolicy() == HpaScalingRules.SelectPolicy.DISABLED) {
            return currentReplicas;
        }
        boolean max = up.selectPolicy() == HpaScalingRules.SelectPolicy.MAX;
        long result = max ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (HpaScalingRules.Policy policy : up.policies()) {
            long periodStart = periodStartReplicas(nowNanos, currentReplicas, policy);
            long proposed =
                    policy.type() == HpaScalingRules.PolicyType.PODS
                            ? periodStart + policy.value()
                            : (long) Math.ceil(periodStart * (1 + policy.value() / 100.0));
            result = max ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return (int) Math.min(Integer.MAX_VALUE, result);
    }

    /** {@code calculateScaleDownLimitWithBehaviors}: the fewest replicas the policies allow now. */
    int scaleDownLimit(long nowNanos, int currentReplicas) {
        if (down.selectPolicy() == HpaScalingRules.SelectPolicy.DISABLED) {
            return currentReplicas;
        }
        // For scaling down, the largest change is the lowest limit.
        boolean max = down.selectPolicy() == HpaScalingRules.SelectPolicy.MAX;
        long result = max ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (HpaScalingRules.Policy policy : down.policies()) {
            long periodStart = periodStartReplicas(nowNanos, currentReplicas, policy);
            long proposed =
                    policy.type() == HpaScalingRules.PolicyType.PODS
                            ? periodStart - policy.value()
                            : (long) (periodStart * (1 - policy.value() / 100.0));
            result = max ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return (int) Math.max(0, result);
    }

    /** {@code storeScaleEvent}: remembers a change the caller is asked to apply. */
    void recordScale(long nowNanos, int fromReplicas, int toReplicas) {
        scaleUpEvents.dropUpTo(nowNanos - up.longestPeriodNanos());
        scaleDownEvents.dropUpTo(nowNanos - down.longestPeriodNanos());
        if (toReplicas > fromReplicas) {
            scaleUpEvents.add(nowNanos, toReplicas - fromReplicas);
        } else if (toReplicas < fromReplicas) {
            scaleDownEvents.add(nowNanos, fromReplicas - toReplicas);
        }
    }

    /** The replica count at the start of the policy's period, undoing the changes made since. */
    private long periodStartReplicas(long nowNanos, int currentReplicas, HpaScalingRules.Policy p) {
        long cutoff = nowNanos - p.period().toNanos();
        return (long) currentReplicas
                - scaleUpEvents.sumAfter(cutoff)
                + scaleDownEvents.sumAfter(cutoff);
    }
}
