package io.inferscale.collector.domain.scrape;

/**
 * NVIDIA Triton. By default Triton exports cumulative microsecond counters, not histograms, so the
 * latency it yields is a mean per request between scrapes; {@code latencyMs} quantiles stay null.
 * When the first-response histogram is enabled ({@code nv_inference_first_response_histogram_ms},
 * decoupled models) it becomes {@code ttftMs}. Triton has no running-batch gauge.
 */
final class TritonAdapter implements ServerAdapter {
    static final String PENDING = "nv_inference_pending_request_count";
    static final String REQUEST_US = "nv_inference_request_duration_us";
    static final String QUEUE_US = "nv_inference_queue_duration_us";
    static final String SUCCESS = "nv_inference_request_success";
    static final String GPU_UTILIZATION = "nv_gpu_utilization";
    static final String FIRST_RESPONSE_MS = "nv_inference_first_response_histogram_ms";
    private static final double MICROS = 0.001;

    @Override
    public Reading read(Exposition e, SeriesSelector selector, ScrapeCounters previous) {
        Totals request = Totals.of(e, REQUEST_US, SUCCESS, selector);
        Totals queue = Totals.of(e, QUEUE_US, SUCCESS, selector);
        Histogram firstResponse = Histogram.of(e, FIRST_RESPONSE_MS, selector);
        ReplicaSignals signals =
                new ReplicaSignals(
                        null,
                        Gauges.sum(e, PENDING, selector),
                        null,
                        // Per-GPU series carry gpu_uuid, not a model label: average them all.
                        Gauges.mean(e, GPU_UTILIZATION, SeriesSelector.ALL),
                        Latency.quantiles(
                                previous.histogram(FIRST_RESPONSE_MS), firstResponse, 1.0),
                        null,
                        request == null
                                ? null
                                : request.meanSince(previous.totals(REQUEST_US), MICROS),
                        queue == null ? null : queue.meanSince(previous.totals(QUEUE_US), MICROS));
        ScrapeCounters.Builder counters = new ScrapeCounters.Builder();
        counters.put(REQUEST_US, request);
        counters.put(QUEUE_US, queue);
        counters.put(FIRST_RESPONSE_MS, firstResponse);
        boolean recognised = e.has(PENDING) || e.has(REQUEST_US) || e.has(SUCCESS);
        return new Reading(ServerAdapters.TRITON, recognised, signals, counters.build());
    }
}
