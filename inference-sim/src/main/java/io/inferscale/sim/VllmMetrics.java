package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaModel;

/**
 * The replica's {@code /metrics}, under vLLM's names, help texts and bucket bounds (vLLM v1 {@code
 * vllm/v1/metrics/loggers.py}), so that the metrics collector's vLLM mapping reads the emulator and
 * real vLLM alike. Confined to the model thread.
 */
final class VllmMetrics {

    /** vLLM's {@code vllm:time_to_first_token_seconds} bounds. */
    private static final double[] TTFT_BOUNDS = {
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
        20.0, 40.0, 80.0, 160.0, 640.0, 2560.0
    };

    /** vLLM's request latency bounds, shared by e2e and queue time. */
    private static final double[] REQUEST_BOUNDS = {
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0,
        240.0, 480.0, 960.0, 1920.0, 7680.0
    };

    private final String labels;
    private final PromHistogram ttft =
            new PromHistogram(
                    "vllm:time_to_first_token_seconds",
                    "Histogram of time to first token in seconds.",
                    TTFT_BOUNDS);
    private final PromHistogram e2e =
            new PromHistogram(
                    "vllm:e2e_request_latency_seconds",
                    "Histogram of e2e request latency in seconds.",
                    REQUEST_BOUNDS);
    private final PromHistogram queue =
            new PromHistogram(
                    "vllm:request_queue_time_seconds",
                    "Histogram of time spent in WAITING phase for request.",
                    REQUEST_BOUNDS);
    private long promptTokens;
    private long generationTokens;
    private long successes;

    VllmMetrics(String modelName) {
        this.labels =
                "model_name=\"" + modelName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The prefill is done and the first token out. */
    void firstToken(int prompt, long ttftNanos) {
        promptTokens += prompt;
        generationTokens++;
        ttft.observe(ttftNanos / 1e9);
    }

    /** Finished by reaching max_tokens: vLLM's finished_reason "length". */
    void success(int outputTokens, long queueNanos, long e2eNanos) {
        generationTokens += outputTokens - 1;
        successes++;
        queue.observe(queueNanos / 1e9);
        e2e.observe(e2eNanos / 1e9);
    }

    String render(ReplicaModel model) {
        StringBuilder out = new StringBuilder(8192);
        gauge(
                out,
                "vllm:num_requests_running",
                "Number of requests in model execution batches.",
                model.running());
        gauge(
                out,
                "vllm:num_requests_waiting",
                "Number of requests waiting to be processed.",
                model.waiting());
        gauge(
                out,
                "vllm:kv_cache_usage_perc",
                "KV-cache usage. 1 means 100 percent usage.",
                model.kvCacheUsage());
        counter(
                out,
                "vllm:prompt_tokens_total",
                "Number of prefill tokens processed.",
                "",
                promptTokens);
        counter(
                out,
                "vllm:generation_tokens_total",
                "Number of generation tokens processed.",
                "",
                generationTokens);
        counter(
                out,
                "vllm:request_success_total",
                "Count of successfully processed requests.",
                "finished_reason=\"length\",",
                successes);
        ttft.writeTo(out, labels);
        e2e.writeTo(out, labels);
        queue.writeTo(out, labels);
        return out.toString();
    }

    private void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private void counter(
            StringBuilder out, String name, String help, String extraLabels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append('{').append(extraLabels).append(labels).append("} ");
        out.append((double) value).append('\n');
    }
}
