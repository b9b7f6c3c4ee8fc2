package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.inferscale.collector.domain.scrape.Reading;
import io.inferscale.collector.domain.scrape.ReplicaSignals;
import org.junit.jupiter.api.Test;

/** The Triton adapter on two real captures: a GPU server with traffic, an idle CPU-only one. */
class TritonAdapterTest {
    static final String[] COUNTERS = {
        "nv_inference_request_success",
        "nv_inference_request_duration_us",
        "nv_inference_queue_duration_us"
    };

    @Test
    void gpuServerFirstScrape() {
        Reading r = Readings.first("triton", "densenet_onnx", Samples.read(Samples.TRITON_GPU));

        assertThat(r.recognised()).isTrue();
        ReplicaSignals s = r.signals();
        assertThat(s.waiting()).isEqualTo(0.0);
        assertThat(s.gpuUtilization()).isEqualTo(0.0);
        // Triton has no running-batch gauge, no KV cache and, by default, no histograms.
        assertThat(s.running()).isNull();
        assertThat(s.kvCacheUsage()).isNull();
        assertThat(s.latencyMs()).isNull();
        assertThat(s.ttftMs()).isNull();
        assertThat(s.meanLatencyMs()).isNull();
    }

    @Test
    void meanLatencyAndQueueTimeFromCounterDeltas() {
        String text = Samples.read(Samples.TRITON_GPU);

        ReplicaSignals s =
                Readings.second("triton", "densenet_onnx", Readings.zeroed(text, COUNTERS), text)
                        .signals();

        // 1,327,965 us over 3 successful requests; 145 us of queueing over the same 3.
        assertThat(s.meanLatencyMs()).isCloseTo(1327965 / 3.0 / 1000, within(1e-9));
        assertThat(s.meanQueueMs()).isCloseTo(145 / 3.0 / 1000, within(1e-9));
        assertThat(s.latencyMs()).isNull();
    }

    @Test
    void idleCpuServerHasNoGpuSignalAndNoLatency() {
        String text = Samples.read(Samples.TRITON_CPU_IDLE);

        ReplicaSignals s = Readings.second("triton", "densenet_onnx", text, text).signals();

        assertThat(s.waiting()).isEqualTo(0.0);
        assertThat(s.gpuUtilization()).isNull();
        assertThat(s.meanLatencyMs()).isNull();
    }

    @Test
    void onlyTheTargetModelsSeriesCountOnAMultiModelServer() {
        String text =
                """
                # TYPE nv_inference_pending_request_count gauge
                nv_inference_pending_request_count{model="a",version="1"} 7
                nv_inference_pending_request_count{model="b",version="1"} 2
                """;

        assertThat(Readings.first("triton", "b", text).signals().waiting()).isEqualTo(2.0);
        // A model name Triton does not know: the whole server's load is the replica's.
        assertThat(Readings.first("triton", "other", text).signals().waiting()).isEqualTo(9.0);
    }
}
