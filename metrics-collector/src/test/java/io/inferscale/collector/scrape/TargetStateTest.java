package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.TargetState;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ReplicaSnapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stale, never zero: what a failed scrape reports. */
class TargetStateTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final ScrapeTarget VLLM =
            ScrapeTarget.of("m", "r1", "http://10.0.0.7:8000", "vllm", Map.of(), "/metrics");
    static final String BUSY =
            """
            vllm:num_requests_running{model_name="m"} 3
            vllm:num_requests_waiting{model_name="m"} 2
            vllm:kv_cache_usage_perc{model_name="m"} 0.4
            """;

    static ReplicaSnapshot snapshot(TargetState s, Instant at) {
        return s.snapshot(EventMeta.at(1, "test", at));
    }

    @Test
    void goodScrapeIsHealthyAndFresh() {
        TargetState s = TargetState.initial(VLLM, T0).afterScrape(T0.plusSeconds(1), parse(BUSY));

        ReplicaSnapshot snap = snapshot(s, T0.plusSeconds(1));
        assertThat(snap.healthy()).isTrue();
        assertThat(snap.stale()).isFalse();
        assertThat(snap.ageMs()).isZero();
        assertThat(snap.running()).isEqualTo(3.0);
        assertThat(snap.serverKind()).isEqualTo("vllm");
    }

    @Test
    void failedScrapeRepeatsTheLastGoodSignalsAsStaleWithTheirAge() {
        TargetState s =
                TargetState.initial(VLLM, T0)
                        .afterScrape(T0.plusSeconds(1), parse(BUSY))
                        .afterFailure(T0.plusSeconds(6), "timed out");

        ReplicaSnapshot snap = snapshot(s, T0.plusSeconds(6));
        assertThat(snap.healthy()).isFalse();
        assertThat(snap.stale()).isTrue();
        assertThat(snap.ageMs()).isEqualTo(5000);
        assertThat(snap.running()).isEqualTo(3.0);
        assertThat(snap.waiting()).isEqualTo(2.0);
        assertThat(snap.kvCacheUsage()).isEqualTo(0.4);
        assertThat(s.error()).isEqualTo("timed out");
    }

    @Test
    void failureBeforeAnyGoodScrapeHasNoSignalsAtAll() {
        TargetState s =
                TargetState.initial(VLLM, T0).afterFailure(T0.plusSeconds(2), "connection refused");

        ReplicaSnapshot snap = snapshot(s, T0.plusSeconds(2));
        assertThat(snap.stale()).isTrue();
        assertThat(snap.ageMs()).isEqualTo(2000);
        assertThat(snap.running()).isNull();
        assertThat(snap.waiting()).isNull();
        assertThat(snap.kvCacheUsage()).isNull();
    }

    @Test
    void garbageWithStatus200IsAFailedScrape() {
        TargetState s =
                TargetState.initial(VLLM, T0)
                        .afterScrape(T0.plusSeconds(1), parse(BUSY))
                        .afterScrape(
                                T0.plusSeconds(6), parse("<html>\n<body>oops</body>\n</html>"));

        assertThat(s.healthy()).isFalse();
        assertThat(s.error()).isEqualTo("no valid samples (3 bad lines)");
        assertThat(snapshot(s, T0.plusSeconds(6)).running()).isEqualTo(3.0);
    }

    @Test
    void anotherServersMetricsAreAFailedScrape() {
        TargetState s =
                TargetState.initial(VLLM, T0)
                        .afterScrape(
                                T0.plusSeconds(1), parse(Samples.read(Samples.TRITON_CPU_IDLE)));

        assertThat(s.healthy()).isFalse();
        assertThat(s.error()).startsWith("none of the 31 samples are vllm metrics");
    }

    @Test
    void countersSurviveAFailureSoTheNextDeltaSpansTheGap() {
        String before =
                "# TYPE vllm:e2e_request_latency_seconds histogram\n"
                        + "vllm:e2e_request_latency_seconds_bucket{le=\"1.0\"} 0\n"
                        + "vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\"} 0\n";
        String after = before.replace("} 0\n", "} 4\n");

        TargetState s =
                TargetState.initial(VLLM, T0)
                        .afterScrape(T0.plusSeconds(1), parse(before))
                        .afterFailure(T0.plusSeconds(6), "timed out")
                        .afterScrape(T0.plusSeconds(11), parse(after));

        assertThat(s.healthy()).isTrue();
        // 4 requests in [0, 1.0] s: p50 = 0.5 s.
        assertThat(s.lastGood().latencyMs().p50()).isEqualTo(500.0);
    }

    @Test
    void autoTargetReportsTheDetectedKind() {
        ScrapeTarget auto = ScrapeTarget.of("m", "r1", "http://h:1", "auto", Map.of(), "/metrics");

        TargetState s =
                TargetState.initial(auto, T0).afterScrape(T0, parse(Samples.read(Samples.TGI)));

        assertThat(s.healthy()).isTrue();
        assertThat(snapshot(s, T0).serverKind()).isEqualTo("tgi");
    }

    private static io.inferscale.collector.domain.scrape.Exposition parse(String text) {
        return PrometheusTextParser.parse(text);
    }
}
