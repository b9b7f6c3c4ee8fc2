package io.inferscale.fleetsim;

import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The {@code --json} document, field for field as the issue specifies it. */
final class ResultJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultJson() {}

    static ObjectNode toJson(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("trace", report.trace());
        root.put("sim_requests_per_second", Math.round(report.simRequestsPerSecond()));
        var runs = root.putArray("runs");
        for (RunResult r : report.runs()) {
            ObjectNode run = runs.addObject();
            run.put("lb", r.lb());
            run.put("autoscaler", r.autoscaler());
            run.put("requests", r.requests());
            run.put("completed", r.completed());
            run.put("dropped", r.dropped());
            distribution(run.putObject("latency_ms"), r.latencyMs());
            distribution(run.putObject("ttft_ms"), r.ttftMs());
            run.put("slo_attainment", round(r.sloAttainment(), 6));
            run.put("replica_seconds", round(r.replicaSeconds(), 3));
            run.put("lb_efficiency", round(r.lbEfficiency(), 6));
            run.put("imbalance_cv", round(r.imbalanceCv(), 6));
            run.put("prefix_hit_rate", round(r.prefixHitRate(), 6));
            run.put("scale_actions", r.scaleActions());
        }
        return root;
    }

    static void write(BenchReport report, Path file) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file, toJson(report));
    }

    static String toString(BenchReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report));
    }

    private static void distribution(ObjectNode node, RunResult.Distribution d) {
        node.put("mean", round(d.mean(), 3));
        node.put("p50", round(d.p50(), 3));
        node.put("p90", round(d.p90(), 3));
        node.put("p99", round(d.p99(), 3));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
