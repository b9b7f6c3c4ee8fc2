package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.scrape.ScrapeSchedule;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.StaticTargets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScrapeTargetTest {
    static final Map<String, Integer> PORTS = Map.of("triton", 8002, "torchserve", 8082);

    static Stream<Arguments> metricsUris() {
        return Stream.of(
                arguments(
                        "vllm on its serving port",
                        "vllm",
                        "http://10.0.0.7:8000",
                        "http://10.0.0.7:8000/metrics"),
                arguments(
                        "triton's metrics port",
                        "triton",
                        "http://10.0.0.7:8000",
                        "http://10.0.0.7:8002/metrics"),
                arguments(
                        "torchserve's metrics port",
                        "torchserve",
                        "http://ts:8080/",
                        "http://ts:8082/metrics"),
                arguments(
                        "path prefix behind a proxy",
                        "tgi",
                        "https://gw/replica-3/",
                        "https://gw/replica-3/metrics"),
                arguments("IPv6 host", "vllm", "http://[::1]:9000", "http://[::1]:9000/metrics"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricsUris")
    void metricsUri(String name, String kind, String address, String want) {
        ScrapeTarget t = ScrapeTarget.of("m", "r", address, kind, PORTS, "/metrics");

        assertThat(t.metricsUri()).hasToString(want);
    }

    @Test
    void staticTargetsUseTheGatewaysSyntaxAndReplicaIds() {
        List<ScrapeTarget> targets =
                StaticTargets.parse(
                        List.of("llama=http://10.0.0.9:8000/", " ", "bert = http://b:9000"),
                        "auto",
                        PORTS,
                        "/metrics");

        assertThat(targets)
                .extracting(ScrapeTarget::replicaId)
                .containsExactly("llama@10.0.0.9:8000", "bert@b:9000");
        assertThat(targets.get(0).address()).isEqualTo("http://10.0.0.9:8000");
        assertThat(targets.get(0).serverKind()).isEqualTo("auto");
    }

    @Test
    void badStaticTargetsFailStartupNamingTheEntry() {
        assertThatThrownBy(
                        () -> StaticTargets.parse(List.of("no-equals"), "auto", PORTS, "/metrics"))
                .hasMessageContaining("no-equals");
        assertThatThrownBy(
                        () -> StaticTargets.parse(List.of("m=ftp://x"), "auto", PORTS, "/metrics"))
                .hasMessageContaining("http(s)");
    }

    @Test
    void offsetsAreStableAndSpreadOverTheJitteredShareOfTheInterval() {
        Duration interval = Duration.ofSeconds(5);
        long[] perSecond = new long[5];
        IntStream.range(0, 1000)
                .forEach(
                        i -> {
                            Duration o = ScrapeSchedule.offset("m|replica-" + i, interval, 1.0);
                            assertThat(o)
                                    .isGreaterThanOrEqualTo(Duration.ZERO)
                                    .isLessThan(interval);
                            perSecond[(int) o.toSeconds()]++;
                        });
        // 1,000 targets over 5 s: about 200 a second, none of the seconds starved or flooded.
        for (long n : perSecond) {
            assertThat(n).isBetween(150L, 250L);
        }
        assertThat(ScrapeSchedule.offset("k", interval, 1.0))
                .isEqualTo(ScrapeSchedule.offset("k", interval, 1.0));
        assertThat(ScrapeSchedule.offset("k", interval, 0.2)).isLessThan(Duration.ofSeconds(1));
        assertThat(ScrapeSchedule.offset("k", interval, 0.0)).isZero();
    }
}
