package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.ConfigChecks.require;
import static io.inferscale.core.scaling.ConfigChecks.requireBetween;

import java.time.Duration;
import java.util.List;

/**
 * One direction of an HPA v2 {@code spec.behavior} ({@code HPAScalingRules}): a stabilisation
 * window and rate-limiting policies. Defaults are those the API server fills in (kubernetes {@code
 * pkg/apis/autoscaling/v2/defaults.go}).
 *
 * @param stabilisationWindow how far back recommendations are considered (0 to 1 h)
 * @param selectPolicy which policy wins when several allow different changes
 * @param policies the rate limits; at least one unless {@code selectPolicy} is {@code DISABLED}
 */
public record HpaScalingRules(
        Duration stabilisationWindow, SelectPolicy selectPolicy, List<Policy> policies) {

    /** {@code selectPolicy}: MAX allows the largest change, MIN the smallest, DISABLED none. */
    public enum SelectPolicy {
        MAX,
        MIN,
        DISABLED
    }

    /** {@code HPAScalingPolicyType}: a change in pods, or in percent of the replicas. */
    public enum PolicyType {
        PODS,
        PERCENT
    }

    /**
     * {@code HPAScalingPolicy}: at most {@code value} pods (or percent) of change within any {@code
     * period} (0 to 30 min, as the API validates).
     */
    public record Policy(PolicyType type, int value, Duration period) {
        public Policy {
            require(type != null, "policy type: is required");
            require(value > 0, "policy value: must be > 0");
            requireBetween(period, Duration.ofSeconds(1), Duration.ofMinutes(30), "policy period");
        }

        public static Policy pods(int value, Duration period) {
            return new Policy(PolicyType.PODS, value, period);
        }

        public static Policy percent(int value, Duration period) {
            return new Policy(PolicyType.PERCENT, value, period);
        }
    }

    public HpaScalingRules {
        requireBetween(
                stabilisationWindow, Duration.ZERO, Duration.ofHours(1), "stabilisationWindow");
        require(selectPolicy != null, "selectPolicy: is required");
        require(policies != null, "policies: is required");
        policies = List.copyOf(policies);
        require(
                !policies.isEmpty() || selectPolicy == SelectPolicy.DISABLED,
                "policies: at least one is required unless selectPolicy is DISABLED");
    }

    /** Scale up: no stabilisation; add {@code max(4 pods, 100%)} per 15 s. */
    public static HpaScalingRules defaultScaleUp() {
        Duration period = Duration.ofSeconds(15);
        return new HpaScalingRules(
                Duration.ZERO,
                SelectPolicy.MAX,
                List.of(Policy.pods(4, period), Policy.percent(100, period)));
    }

    /**
     * Scale down: 300 s stabilisation (the controller's {@code
     * --horizontal-pod-autoscaler-downscale-stabilization}); remove up to 100% per 15 s.
     */
    public static HpaScalingRules defaultScaleDown() {
        return new HpaScalingRules(
                Duration.ofMinutes(5),
                SelectPolicy.MAX,
                List.of(Policy.percent(100, Duration.ofSeconds(15))));
    }

    long longestPeriodNanos() {
        long longest = 0;
        for (Policy p : policies) {
            longest = Math.max(longest, p.period().toNanos());
        }
        return longest;
    }
}
