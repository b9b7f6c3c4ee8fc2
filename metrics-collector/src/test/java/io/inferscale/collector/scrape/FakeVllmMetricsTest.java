package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's targets must be valid, realistic vLLM text, or the benchmark measures nothing.
 */
class FakeVllmMetricsTest {
    @Test
    void isCleanVllmTextWithMovingHistograms() {
        String first = FakeVllmMetrics.render("bench-model-1", 10);
        Exposition e = PrometheusTextParser.parse(first);

        assertThat(e.malformed()).isEmpty();
        assertThat(e.sampleCount()).isGreaterThan(250);
        assertThat(first.length()).isGreaterThan(20_000);

        ReplicaSignals s =
                Readings.second(
                                "vllm",
                                "bench-model-1",
                                first,
                                FakeVllmMetrics.render("bench-model-1", 11))
                        .signals();
        assertThat(s.running()).isEqualTo(11.0);
        assertThat(s.ttftMs()).isNotNull();
        assertThat(s.latencyMs()).isNotNull();
    }
}
