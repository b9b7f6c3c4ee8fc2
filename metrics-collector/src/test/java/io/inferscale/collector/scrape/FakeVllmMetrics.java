package io.inferscale.collector.scrape;

/**
 * Exposition text shaped like a vLLM V1 server's /metrics (process metrics, the scheduler gauges,
 * token counters and eleven histograms, each series labelled with {@code engine} and {@code
 * model_name}): about 300 lines and 25 KB, with counts that grow on every scrape so the collector
 * has real deltas to compute. For the scrape benchmark.
 */
final class FakeVllmMetrics {
    private static final double[] LATENCY = {
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0,
        240.0, 480.0, 960.0, 1920.0, 7680.0
    };
    private static final double[] TTFT = {
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
        20.0, 40.0, 80.0, 160.0, 640.0, 2560.0
    };
    private static final double[] ITL = {
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
        20.0, 40.0, 80.0
    };
    private static final double[] TOKENS = {
        1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000
    };

    private FakeVllmMetrics() {}

    static String render(String model, long scrape) {
        String labels = "engine=\"0\",model_name=\"" + model + "\"";
        StringBuilder out = new StringBuilder(32 * 1024);
        out.append("# HELP python_gc_objects_collected_total Objects collected during gc\n")
                .append("# TYPE python_gc_objects_collected_total counter\n");
        for (int g = 0; g < 3; g++) {
            out.append("python_gc_objects_collected_total{generation=\"")
                    .append(g)
                    .append("\"} ")
                    .append(1000.0 * (g + 1) + scrape)
                    .append('\n');
        }
        gauge(out, "process_resident_memory_bytes", "", 5.106151424e+09);
        gauge(out, "process_open_fds", "", 49);
        counter(out, "process_cpu_seconds_total", "", 10.95 + scrape * 0.5);
        gauge(out, "vllm:num_requests_running", labels, scrape % 17);
        gauge(out, "vllm:num_requests_waiting", labels, scrape % 5);
        gauge(out, "vllm:kv_cache_usage_perc", labels, (scrape % 100) / 100.0);
        counter(out, "vllm:num_preemptions_total", labels, scrape / 10);
        counter(out, "vllm:prompt_tokens_total", labels, scrape * 4000.0);
        counter(out, "vllm:generation_tokens_total", labels, scrape * 900.0);
        counter(out, "vllm:prefix_cache_queries_total", labels, scrape * 4000.0);
        counter(out, "vllm:prefix_cache_hits_total", labels, scrape * 1500.0);
        out.append("# HELP vllm:request_success_total Count of successfully processed requests.\n")
                .append("# TYPE vllm:request_success_total counter\n");
        for (String reason : new String[] {"stop", "length", "abort"}) {
            out.append("vllm:request_success_total{engine=\"0\",finished_reason=\"")
                    .append(reason)
                    .append("\",model_name=\"")
                    .append(model)
                    .append("\"} ")
                    .append((double) scrape * 3)
                    .append('\n');
        }
        histogram(out, "vllm:time_to_first_token_seconds", labels, TTFT, scrape, 9);
        histogram(out, "vllm:inter_token_latency_seconds", labels, ITL, scrape * 40, 3);
        histogram(out, "vllm:e2e_request_latency_seconds", labels, LATENCY, scrape, 5);
        histogram(out, "vllm:request_queue_time_seconds", labels, LATENCY, scrape, 1);
        histogram(out, "vllm:request_inference_time_seconds", labels, LATENCY, scrape, 4);
        histogram(out, "vllm:request_prefill_time_seconds", labels, LATENCY, scrape, 1);
        histogram(out, "vllm:request_decode_time_seconds", labels, LATENCY, scrape, 4);
        histogram(out, "vllm:request_prompt_tokens", labels, TOKENS, scrape, 8);
        histogram(out, "vllm:request_generation_tokens", labels, TOKENS, scrape, 6);
        histogram(out, "vllm:iteration_tokens_total", labels, TOKENS, scrape * 20, 5);
        histogram(out, "vllm:request_params_max_tokens", labels, TOKENS, scrape, 7);
        return out.toString();
    }

    /** {@code 9 * scrape} observations per scrape, spread over the buckets around {@code mode}. */
    private static void histogram(
            StringBuilder out, String name, String labels, double[] bounds, long scrape, int mode) {
        out.append("# HELP ").append(name).append(" Histogram.\n");
        out.append("# TYPE ").append(name).append(" histogram\n");
        long per = 9 * scrape;
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            int d = Math.abs(i - mode);
            cumulative += d == 0 ? per * 4 / 9 : d == 1 ? per * 2 / 9 : d == 2 ? per / 18 : 0;
            out.append(name).append("_bucket{").append(labels).append(",le=\"");
            out.append(bounds[i]).append("\"} ").append((double) cumulative).append('\n');
        }
        long total = Math.max(cumulative, per);
        out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ");
        out.append((double) total).append('\n');
        out.append(name).append("_count{").append(labels).append("} ").append((double) total);
        out.append('\n');
        out.append(name).append("_sum{").append(labels).append("} ");
        out.append(total * bounds[Math.min(mode, bounds.length - 1)]).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String labels, double v) {
        out.append("# HELP ")
                .append(name)
                .append(" Gauge.\n# TYPE ")
                .append(name)
                .append(" gauge\n");
        sample(out, name, labels, v);
    }

    private static void counter(StringBuilder out, String name, String labels, double v) {
        out.append("# HELP ").append(name).append(" Counter.\n# TYPE ").append(name);
        out.append(" counter\n");
        sample(out, name, labels, v);
    }

    private static void sample(StringBuilder out, String name, String labels, double v) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(v).append('\n');
    }
}
