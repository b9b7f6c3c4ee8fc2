package io.inferscale.core.scaling.hybrid;

import io.inferscale.core.scaling.ScalingPolicy;
import java.util.Locale;

/** The numbers behind a decision, as one line for the audit log and for people. */
final class Explanation {
    private Explanation() {}

    static String of(
            int current,
            int ready,
            double target,
            ScalingPolicy policy,
            HybridDecision.Terms terms,
            HybridDecision.Inputs inputs,
            ForecastTerm predictive,
            int desired) {
        StringBuilder s = new StringBuilder();
        s.append("reactive ")
                .append(terms.reactive())
                .append(" (concurrency ")
                .append(round(inputs.stableConcurrency()))
                .append(" on ")
                .append(ready)
                .append(" ready vs target ")
                .append(round(target))
                .append(")");
        if (predictive.used()) {
            s.append(", forecast ")
                    .append(predictive.replicas())
                    .append(" (p90 ")
                    .append(round(predictive.p90()))
                    .append(
                            ForecastTerm.TOKENS.equals(predictive.metric())
                                    ? " tokens/s"
                                    : " req/s")
                    .append(" at +")
                    .append(policy.provisioningLeadTime().toSeconds())
                    .append(" s");
            if (ForecastTerm.REQUESTS.equals(predictive.metric())) {
                s.append(" x ").append(round(inputs.latencySeconds())).append(" s latency");
            }
            s.append(")");
        } else {
            s.append(", forecast ")
                    .append(predictive.status().name().toLowerCase(Locale.ROOT))
                    .append(": reactive only");
        }
        if (terms.panic() != null) {
            s.append(", panic (concurrency ")
                    .append(round(inputs.panicConcurrency()))
                    .append(") floor ")
                    .append(terms.panic());
        }
        s.append("; proposal ")
                .append(terms.proposal())
                .append(", stabilised ")
                .append(terms.stabilised())
                .append(": ")
                .append(current)
                .append(" -> ")
                .append(desired);
        if (terms.stabilised() != desired) {
            s.append(" (max step ")
                    .append(policy.maxStep())
                    .append(", bounds [")
                    .append(policy.minReplicas())
                    .append(", ")
                    .append(policy.maxReplicas())
                    .append("])");
        }
        return s.toString();
    }

    /** Two decimals. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
