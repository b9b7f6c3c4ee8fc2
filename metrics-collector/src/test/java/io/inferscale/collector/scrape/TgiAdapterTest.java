package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.collector.domain.scrape.Reading;
import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/** The TGI adapter on a real text-generation-inference 3.x capture. */
class TgiAdapterTest {
    static final String MODEL = "tgi-model";

    @Test
    void firstScrapeReadsQueueAndBatch() {
        Reading r = Readings.first("tgi", MODEL, Samples.read(Samples.TGI));

        assertThat(r.recognised()).isTrue();
        ReplicaSignals s = r.signals();
        assertThat(s.waiting()).isEqualTo(0.0);
        assertThat(s.running()).isEqualTo(0.0);
        // TGI exports neither a KV-cache fraction, GPU utilisation nor a TTFT histogram.
        assertThat(s.kvCacheUsage()).isNull();
        assertThat(s.gpuUtilization()).isNull();
        assertThat(s.ttftMs()).isNull();
        assertThat(s.latencyMs()).isNull();
    }

    @Test
    void requestDurationQuantilesFromTheRealHistogram() {
        String text = Samples.read(Samples.TGI);
        String before = Readings.zeroed(text, "tgi_request_duration", "tgi_request_queue_duration");

        ReplicaSignals s = Readings.second("tgi", MODEL, before, text).signals();

        // 109 requests. p50 rank 54.5: bucket (3.787675244106352, 5.681512866159528] holds 26
        // above 51 -> 3.787675244106352 + 1.893837622053176 * 3.5/26.
        assertThat(s.latencyMs().p50())
                .isCloseTo(
                        1000
                                * (3.787675244106352
                                        + (5.681512866159528 - 3.787675244106352) * 3.5 / 26),
                        within(1e-6));
        // p90 rank 98.1: (5.681512866159528, 8.52226929923929] holds 27 above 77.
        assertThat(s.latencyMs().p90())
                .isCloseTo(
                        1000
                                * (5.681512866159528
                                        + (8.52226929923929 - 5.681512866159528) * 21.1 / 27),
                        within(1e-6));
        // p99 rank 107.91: (12.783403948858936, 19.175105923288406] holds 4 above 104.
        assertThat(s.latencyMs().p99())
                .isCloseTo(
                        1000
                                * (12.783403948858936
                                        + (19.175105923288406 - 12.783403948858936) * 3.91 / 4),
                        within(1e-6));
        // _sum 541.2140316159999 s over _count 109.
        assertThat(s.meanLatencyMs()).isCloseTo(541.2140316159999 / 109 * 1000, within(1e-6));
        assertThat(s.meanQueueMs()).isNotNull();
    }
}
