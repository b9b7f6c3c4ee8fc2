package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.ServerAdapters;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerAdaptersTest {
    static Stream<Arguments> samples() {
        return Stream.of(
                arguments(Samples.VLLM_V0, "vllm"),
                arguments(Samples.TRITON_GPU, "triton"),
                arguments(Samples.TRITON_CPU_IDLE, "triton"),
                arguments(Samples.TGI, "tgi"),
                arguments(Samples.TORCHSERVE_RESNET, "torchserve"),
                arguments(Samples.TORCHSERVE_MNIST, "torchserve"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectsTheServerFromItsMetricNames(String file, String kind) {
        assertThat(ServerAdapters.detect(PrometheusTextParser.parse(Samples.read(file))))
                .isEqualTo(kind);
    }

    @Test
    void detectsNothingInOtherMetrics() {
        assertThat(ServerAdapters.detect(PrometheusTextParser.parse("process_open_fds 49")))
                .isNull();
    }

    @Test
    void unknownKindsDetect() {
        assertThat(ServerAdapters.isKnown("sglang")).isFalse();
        assertThat(
                        ServerAdapters.forKind("sglang")
                                .read(
                                        PrometheusTextParser.parse(Samples.read(Samples.TGI)),
                                        io.inferscale.collector.domain.scrape.SeriesSelector.ALL,
                                        io.inferscale.collector.domain.scrape.ScrapeCounters.NONE)
                                .serverKind())
                .isEqualTo("tgi");
    }
}
