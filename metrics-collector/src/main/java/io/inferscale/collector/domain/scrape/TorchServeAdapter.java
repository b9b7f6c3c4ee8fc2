package io.inferscale.collector.domain.scrape;

/**
 * TorchServe's metrics API. It exports cumulative microsecond counters per model, so latency and
 * queue time are means per request between scrapes; it has no queue-depth or batch gauge. {@code
 * GPUUtilization} is a host gauge in percent, one series per device.
 */
final class TorchServeAdapter implements ServerAdapter {
    static final String INFERENCE_US = "ts_inference_latency_microseconds";
    static final String QUEUE_US = "ts_queue_latency_microseconds";
    static final String REQUESTS = "ts_inference_requests_total";
    static final String GPU_UTILIZATION_PERCENT = "GPUUtilization";
    private static final double MICROS = 0.001;

    @Override
    public Reading read(Exposition e, SeriesSelector selector, ScrapeCounters previous) {
        Totals inference = Totals.of(e, INFERENCE_US, REQUESTS, selector);
        Totals queue = Totals.of(e, QUEUE_US, REQUESTS, selector);
        Double gpuPercent = Gauges.mean(e, GPU_UTILIZATION_PERCENT, SeriesSelector.ALL);
        ReplicaSignals signals =
                new ReplicaSignals(
                        null,
                        null,
                        null,
                        gpuPercent == null ? null : gpuPercent / 100.0,
                        null,
                        null,
                        inference == null
                                ? null
                                : inference.meanSince(previous.totals(INFERENCE_US), MICROS),
                        queue == null ? null : queue.meanSince(previous.totals(QUEUE_US), MICROS));
        ScrapeCounters.Builder counters = new ScrapeCounters.Builder();
        counters.put(INFERENCE_US, inference);
        counters.put(QUEUE_US, queue);
        boolean recognised = e.has(INFERENCE_US) || e.has(QUEUE_US) || e.has(REQUESTS);
        return new Reading(ServerAdapters.TORCHSERVE, recognised, signals, counters.build());
    }
}
