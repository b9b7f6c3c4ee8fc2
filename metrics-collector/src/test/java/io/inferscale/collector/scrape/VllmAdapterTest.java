package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.collector.domain.scrape.Reading;
import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/** The vLLM adapter on a real vLLM 0.4.3 (V0 engine) capture. */
class VllmAdapterTest {
    static final String MODEL = "facebook/opt-125m";

    @Test
    void firstScrapeReadsGaugesAndLeavesDeltaSignalsUnknown() {
        Reading r = Readings.first("vllm", MODEL, Samples.read(Samples.VLLM_V0));

        assertThat(r.recognised()).isTrue();
        assertThat(r.serverKind()).isEqualTo("vllm");
        ReplicaSignals s = r.signals();
        assertThat(s.running()).isEqualTo(0.0);
        assertThat(s.waiting()).isEqualTo(0.0);
        // V0 names it gpu_cache_usage_perc; V1's kv_cache_usage_perc is absent here.
        assertThat(s.kvCacheUsage()).isEqualTo(0.0);
        // vLLM exports no GPU utilisation: unknown, not idle.
        assertThat(s.gpuUtilization()).isNull();
        assertThat(s.ttftMs()).isNull();
        assertThat(s.latencyMs()).isNull();
        assertThat(s.meanLatencyMs()).isNull();
    }

    @Test
    void quantilesFromTheDeltaOfTheRealHistograms() {
        String text = Samples.read(Samples.VLLM_V0);
        String before =
                Readings.zeroed(
                        text,
                        "vllm:time_to_first_token_seconds",
                        "vllm:e2e_request_latency_seconds");

        ReplicaSignals s = Readings.second("vllm", MODEL, before, text).signals();

        // One request, TTFT in (0.25, 0.5]: 0.25 + 0.25 * q seconds.
        assertThat(s.ttftMs().p50()).isCloseTo(375.0, within(1e-9));
        assertThat(s.ttftMs().p90()).isCloseTo(475.0, within(1e-9));
        assertThat(s.ttftMs().p99()).isCloseTo(497.5, within(1e-9));
        // One request, e2e in the first bucket (0, 1.0]: 1.0 * q seconds.
        assertThat(s.latencyMs().p50()).isCloseTo(500.0, within(1e-9));
        assertThat(s.latencyMs().p99()).isCloseTo(990.0, within(1e-9));
        // _sum 0.5034303665161133 s over _count 1.
        assertThat(s.meanLatencyMs()).isCloseTo(503.4303665161133, within(1e-9));
    }

    @Test
    void noRequestsBetweenScrapesMeansUnknownLatencyNotZero() {
        String text = Samples.read(Samples.VLLM_V0);

        ReplicaSignals s = Readings.second("vllm", MODEL, text, text).signals();

        assertThat(s.ttftMs()).isNull();
        assertThat(s.latencyMs()).isNull();
        assertThat(s.running()).isEqualTo(0.0);
    }

    @Test
    void inferenceSimUsesTheVllmAdapter() {
        Reading r = Readings.first("inference-sim", MODEL, Samples.read(Samples.VLLM_V0));

        assertThat(r.recognised()).isTrue();
        assertThat(r.signals().running()).isEqualTo(0.0);
    }
}
