package io.inferscale.collector.domain.scrape;

/**
 * vLLM, V0 and V1 (and inference-sim, which writes vLLM's names). V1 renamed {@code
 * vllm:gpu_cache_usage_perc} to {@code vllm:kv_cache_usage_perc} and added an {@code engine} label
 * (one series per data-parallel engine): counts are summed over engines, the cache fraction is
 * averaged.
 */
final class VllmAdapter implements ServerAdapter {
    static final String RUNNING = "vllm:num_requests_running";
    static final String WAITING = "vllm:num_requests_waiting";
    static final String KV_CACHE = "vllm:kv_cache_usage_perc";
    static final String KV_CACHE_V0 = "vllm:gpu_cache_usage_perc";
    static final String TTFT = "vllm:time_to_first_token_seconds";
    static final String E2E = "vllm:e2e_request_latency_seconds";
    static final String QUEUE = "vllm:request_queue_time_seconds";
    private static final double SECONDS = 1000.0;

    @Override
    public Reading read(Exposition e, SeriesSelector selector, ScrapeCounters previous) {
        Histogram ttft = Histogram.of(e, TTFT, selector);
        Histogram e2e = Histogram.of(e, E2E, selector);
        Histogram queue = Histogram.of(e, QUEUE, selector);
        Double kv = Gauges.mean(e, KV_CACHE, selector);
        if (kv == null) {
            kv = Gauges.mean(e, KV_CACHE_V0, selector);
        }
        ReplicaSignals signals =
                new ReplicaSignals(
                        Gauges.sum(e, RUNNING, selector),
                        Gauges.sum(e, WAITING, selector),
                        kv,
                        null,
                        Latency.quantiles(previous.histogram(TTFT), ttft, SECONDS),
                        Latency.quantiles(previous.histogram(E2E), e2e, SECONDS),
                        Latency.mean(previous.histogram(E2E), e2e, SECONDS),
                        Latency.mean(previous.histogram(QUEUE), queue, SECONDS));
        ScrapeCounters.Builder counters = new ScrapeCounters.Builder();
        counters.put(TTFT, ttft);
        counters.put(E2E, e2e);
        counters.put(QUEUE, queue);
        boolean recognised =
                e.has(RUNNING)
                        || e.has(WAITING)
                        || e.has(KV_CACHE)
                        || e.has(KV_CACHE_V0)
                        || ttft != null
                        || e2e != null;
        return new Reading(ServerAdapters.VLLM, recognised, signals, counters.build());
    }
}
