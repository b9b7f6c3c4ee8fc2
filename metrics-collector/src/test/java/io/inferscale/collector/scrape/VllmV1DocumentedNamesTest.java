package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/**
 * vLLM V1, written from vLLM's documentation because no real V1 capture is available (see
 * shared/samples/metrics/README.md): the "Production Metrics" page (docs.vllm.ai, usage/metrics)
 * and the metrics design notes list {@code vllm:num_requests_running}, {@code
 * vllm:num_requests_waiting}, {@code vllm:kv_cache_usage_perc} (V1's name for V0's {@code
 * vllm:gpu_cache_usage_perc}), {@code vllm:time_to_first_token_seconds} and {@code
 * vllm:e2e_request_latency_seconds}; V1's Prometheus logger labels every series with {@code
 * model_name} and {@code engine} (the data-parallel engine index). The text below is ours, shaped
 * after those names and labels, with two engines.
 */
class VllmV1DocumentedNamesTest {
    static final String BEFORE =
            """
            # HELP vllm:num_requests_running Number of requests in model execution batches.
            # TYPE vllm:num_requests_running gauge
            vllm:num_requests_running{engine="0",model_name="llama"} 3.0
            vllm:num_requests_running{engine="1",model_name="llama"} 2.0
            # HELP vllm:num_requests_waiting Number of requests waiting to be processed.
            # TYPE vllm:num_requests_waiting gauge
            vllm:num_requests_waiting{engine="0",model_name="llama"} 1.0
            vllm:num_requests_waiting{engine="1",model_name="llama"} 4.0
            # HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.
            # TYPE vllm:kv_cache_usage_perc gauge
            vllm:kv_cache_usage_perc{engine="0",model_name="llama"} 0.25
            vllm:kv_cache_usage_perc{engine="1",model_name="llama"} 0.75
            # HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.
            # TYPE vllm:time_to_first_token_seconds histogram
            vllm:time_to_first_token_seconds_bucket{engine="0",le="0.1",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_bucket{engine="0",le="0.5",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_count{engine="0",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_sum{engine="0",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_bucket{engine="1",le="0.1",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_bucket{engine="1",le="0.5",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_bucket{engine="1",le="+Inf",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_count{engine="1",model_name="llama"} 0.0
            vllm:time_to_first_token_seconds_sum{engine="1",model_name="llama"} 0.0
            """;

    @Test
    void sumsCountsOverEnginesAndAveragesTheCacheFraction() {
        ReplicaSignals s = Readings.first("vllm", "llama", BEFORE).signals();

        assertThat(s.running()).isEqualTo(5.0);
        assertThat(s.waiting()).isEqualTo(5.0);
        assertThat(s.kvCacheUsage()).isEqualTo(0.5);
    }

    @Test
    void ttftQuantilesOverBothEnginesBucketsSummedByLe() {
        // engine 0 sees 6 requests under 0.1 s; engine 1 sees 4 in (0.1, 0.5]: 10 in all.
        String after =
                BEFORE.replace(
                                "engine=\"0\",le=\"0.1\",model_name=\"llama\"} 0.0",
                                "engine=\"0\",le=\"0.1\",model_name=\"llama\"} 6.0")
                        .replace(
                                "engine=\"0\",le=\"0.5\",model_name=\"llama\"} 0.0",
                                "engine=\"0\",le=\"0.5\",model_name=\"llama\"} 6.0")
                        .replace(
                                "engine=\"0\",le=\"+Inf\",model_name=\"llama\"} 0.0",
                                "engine=\"0\",le=\"+Inf\",model_name=\"llama\"} 6.0")
                        .replace(
                                "engine=\"1\",le=\"0.5\",model_name=\"llama\"} 0.0",
                                "engine=\"1\",le=\"0.5\",model_name=\"llama\"} 4.0")
                        .replace(
                                "engine=\"1\",le=\"+Inf\",model_name=\"llama\"} 0.0",
                                "engine=\"1\",le=\"+Inf\",model_name=\"llama\"} 4.0");

        ReplicaSignals s = Readings.second("vllm", "llama", BEFORE, after).signals();

        // Summed: (6, 10, 10). p50 rank 5 in [0, 0.1] holding 6: 0.1 * 5/6 s.
        // p90 rank 9 in (0.1, 0.5] holding 4 above 6: 0.1 + 0.4 * 3/4 = 0.4 s.
        // p99 rank 9.9: 0.1 + 0.4 * 3.9/4 = 0.49 s.
        assertThat(s.ttftMs().p50()).isCloseTo(100.0 * 5 / 6, within(1e-9));
        assertThat(s.ttftMs().p90()).isCloseTo(400.0, within(1e-9));
        assertThat(s.ttftMs().p99()).isCloseTo(490.0, within(1e-9));
    }

    @Test
    void prefersTheNewCacheNameWhenBothAreExported() {
        String both =
                BEFORE
                        + "# TYPE vllm:gpu_cache_usage_perc gauge\n"
                        + "vllm:gpu_cache_usage_perc{engine=\"0\",model_name=\"llama\"} 0.9\n";

        assertThat(Readings.first("vllm", "llama", both).signals().kvCacheUsage()).isEqualTo(0.5);
    }
}
