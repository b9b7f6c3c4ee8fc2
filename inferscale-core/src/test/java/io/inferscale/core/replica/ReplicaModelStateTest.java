package io.inferscale.core.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a driver reads between events (streaming progress, gauges), and misuse that must fail
 * loudly.
 */
class ReplicaModelStateTest {

    private static final long MS = 1_000_000;

    private static final ReplicaConfig LLM =
            ReplicaConfig.llmDefaults()
                    .withMaxBatch(2)
                    .withPrefillNanosPerToken(100_000)
                    .withDecode(10 * MS, MS)
                    .withKvCache(1600, 512);

    /** One request (1000 prompt, 3 output): tokens at 111, 122 and 133 ms. */
    static Stream<Arguments> progress() {
        return Stream.of(
                Arguments.of("during prefill", 110.999, 0),
                Arguments.of("end of the prefill step", 111.0, 1),
                Arguments.of("mid decode step", 121.0, 1),
                Arguments.of("second token", 122.0, 2),
                Arguments.of("just before the last", 132.999, 2),
                Arguments.of("finished: no longer running", 133.0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("progress")
    void generatedTokensFollowSteps(String name, double atMs, int want) {
        ReplicaModel m = new ReplicaModel(LLM, 1, 1);
        Scenario.Log log = new Scenario.Log();
        m.submit(new InferenceRequest(1, 1000, 3), 0);
        m.advanceTo(Math.round(atMs * MS), log);

        assertThat(m.generatedTokens(1)).isEqualTo(want);
    }

    @Test
    void gaugesCountRunningWaitingAndKvShare() {
        ReplicaModel m = new ReplicaModel(LLM, 1, 1);
        Scenario.Log log = new Scenario.Log();
        m.submit(new InferenceRequest(1, 1000, 100), 0);
        m.submit(new InferenceRequest(2, 1000, 1), 0);
        m.advanceTo(0, log);

        assertThat(m.running()).isEqualTo(1);
        assertThat(m.waiting()).isEqualTo(1);
        assertThat(m.kvCacheUsage()).isEqualTo(1100.0 / 1600);
        m.advanceTo(Long.MAX_VALUE, log);
        assertThat(m.kvCacheUsage()).isZero();
    }

    @Test
    void prefixBlocksStayCachedButCountAsFree() {
        ReplicaModel m = new ReplicaModel(LLM, 1, 1);
        Scenario.Log log = new Scenario.Log();
        m.submit(new InferenceRequest(1, 1024, 1, new long[] {1, 2}), 0);
        m.advanceTo(0, log);
        assertThat(m.kvCacheUsage()).isEqualTo(1025.0 / 1600);

        m.advanceTo(Long.MAX_VALUE, log);
        assertThat(m.kvCacheUsage()).isZero();
    }

    @Test
    void actingPastAPendingEventThrows() {
        ReplicaModel m = new ReplicaModel(LLM, 1, 1);
        m.submit(new InferenceRequest(1, 1000, 3), 0);

        assertThatThrownBy(() -> m.submit(new InferenceRequest(2, 10, 1), 5 * MS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("advanceTo");
    }

    @Test
    void timeNeverGoesBack() {
        ReplicaModel m = new ReplicaModel(LLM, 1, 1);
        m.advanceTo(10, new Scenario.Log());

        assertThatThrownBy(() -> m.advanceTo(9, new Scenario.Log()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("zero batch", (Runnable) () -> LLM.withMaxBatch(0)),
                Arguments.of(
                        "cache smaller than a block", (Runnable) () -> LLM.withKvCache(100, 512)),
                Arguments.of("zero decode step", (Runnable) () -> LLM.withDecode(0, 0)),
                Arguments.of("negative sigma", (Runnable) () -> LLM.withService(MS, -1)),
                Arguments.of("zero output", (Runnable) () -> new InferenceRequest(1, 1, 0)),
                Arguments.of("zero speed", (Runnable) () -> new ReplicaModel(LLM, 0, 1)),
                Arguments.of(
                        "error rate above 1",
                        (Runnable) () -> new ReplicaModel(LLM, 1, 1).setErrorRate(1.5)),
                Arguments.of(
                        "zero slowdown",
                        (Runnable) () -> new ReplicaModel(LLM, 1, 1).setSlowdown(0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidSettings(String name, Runnable make) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class);
    }
}
