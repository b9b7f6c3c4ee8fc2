package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.collector.domain.scrape.Reading;
import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/** The TorchServe adapter on two real metrics-API captures (trailing-comma label sets). */
class TorchServeAdapterTest {
    static final String[] COUNTERS = {
        "ts_inference_requests_total",
        "ts_inference_latency_microseconds",
        "ts_queue_latency_microseconds"
    };

    @Test
    void firstScrapeKnowsNothingItCannotKnow() {
        Reading r =
                Readings.first("torchserve", "resnet18", Samples.read(Samples.TORCHSERVE_RESNET));

        assertThat(r.recognised()).isTrue();
        ReplicaSignals s = r.signals();
        // No queue or batch gauges; GPUUtilization is declared but has no sample on this host.
        assertThat(s.running()).isNull();
        assertThat(s.waiting()).isNull();
        assertThat(s.gpuUtilization()).isNull();
        assertThat(s.meanLatencyMs()).isNull();
    }

    @Test
    void resnetMeanLatencyAndQueueFromCounterDeltas() {
        String text = Samples.read(Samples.TORCHSERVE_RESNET);

        ReplicaSignals s =
                Readings.second("torchserve", "resnet18", Readings.zeroed(text, COUNTERS), text)
                        .signals();

        // 290,371.129 us over 3 requests; 365.21 us queued over the same 3.
        assertThat(s.meanLatencyMs()).isCloseTo(290371.129 / 3 / 1000, within(1e-9));
        assertThat(s.meanQueueMs()).isCloseTo(365.21 / 3 / 1000, within(1e-9));
    }

    @Test
    void mnistWithACustomHistogramStillMapsTheStandardCounters() {
        String text = Samples.read(Samples.TORCHSERVE_MNIST);

        ReplicaSignals s =
                Readings.second("torchserve", "mnist", Readings.zeroed(text, COUNTERS), text)
                        .signals();

        assertThat(s.meanLatencyMs()).isCloseTo(4315.280097, within(1e-9));
        assertThat(s.meanQueueMs()).isCloseTo(4295.68802, within(1e-9));
    }

    @Test
    void gpuUtilizationIsAPercentOnTheHost() {
        String text =
                Samples.read(Samples.TORCHSERVE_RESNET)
                        + "\nGPUUtilization{Level=\"Host\",device_id=\"0\",Hostname=\"h\",} 40.0"
                        + "\nGPUUtilization{Level=\"Host\",device_id=\"1\",Hostname=\"h\",} 60.0";

        assertThat(Readings.first("torchserve", "resnet18", text).signals().gpuUtilization())
                .isEqualTo(0.5);
    }
}
