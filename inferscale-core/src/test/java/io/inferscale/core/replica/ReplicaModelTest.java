package io.inferscale.core.replica;

import static io.inferscale.core.replica.Scenario.crash;
import static io.inferscale.core.replica.Scenario.errorRate;
import static io.inferscale.core.replica.Scenario.restart;
import static io.inferscale.core.replica.Scenario.slowdown;
import static io.inferscale.core.replica.Scenario.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.replica.Scenario.Action;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed timelines. LLM cases use round numbers: prefill 0.1 ms per uncached token, a decode
 * step of 10 ms + 1 ms per running sequence (11 ms alone, 12 ms for two), at most 2 sequences.
 * Simple cases: a constant 100 ms, one at a time.
 */
class ReplicaModelTest {

    private static final long MS = 1_000_000;

    private static final ReplicaConfig LLM =
            ReplicaConfig.llmDefaults()
                    .withMaxBatch(2)
                    .withPrefillNanosPerToken(100_000)
                    .withDecode(10 * MS, MS)
                    .withKvCache(1_000_000, 512);

    /** Room for three 512-token blocks and 64 tokens more. */
    private static final ReplicaConfig SMALL_KV = LLM.withKvCache(1600, 512);

    private static final ReplicaConfig SIMPLE =
            ReplicaConfig.simpleDefaults().withMaxBatch(1).withService(100 * MS, 0);

    static Stream<Arguments> cases() {
        return Stream.of(
                tc(
                        "single request: TTFT = 100 ms prefill + 11 ms step, then 11 ms per token",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1000, 3)),
                        "0 admit #1; 111 first #1; 133 done #1"),
                tc(
                        "two simultaneous requests share the prefill step, decode at 12 ms, then 11 ms",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1000, 3), submit(0, 2, 500, 2)),
                        "0 admit #1; 0 admit #2; 162 first #1; 162 first #2; 174 done #2; 185 done #1"),
                tc(
                        // 111 + 10 ms prefill of #2 + 12 ms step = 133; then #1 alone: 133 + 11.
                        "an arrival mid-step joins at the next step boundary",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1000, 3), submit(50, 2, 100, 1)),
                        "0 admit #1; 111 first #1; 111 admit #2; 133 first #2; 133 done #2; 144 done #1"),
                tc(
                        // 20 ms prefill + 12 = 32; 44; #3 joins: 44 + 10 + 12 = 66; #2 alone: 77.
                        "full batch: the third request waits until a sequence leaves",
                        LLM,
                        1,
                        List.of(submit(0, 1, 100, 2), submit(0, 2, 100, 4), submit(0, 3, 100, 1)),
                        "0 admit #1; 0 admit #2; 32 first #1; 32 first #2; 44 done #1; 44 admit #3;"
                                + " 66 first #3; 66 done #3; 77 done #2"),
                tc(
                        // #1 holds 1100 of 1600 tokens until 1200; #2 and #3 then prefill 110 ms.
                        "KV cache full: the head waits for room and later arrivals wait behind it",
                        SMALL_KV,
                        1,
                        List.of(
                                submit(0, 1, 1000, 100),
                                submit(0, 2, 1000, 1),
                                submit(10, 3, 100, 1)),
                        "0 admit #1; 111 first #1; 1200 done #1; 1200 admit #2; 1200 admit #3;"
                                + " 1322 first #2; 1322 first #3; 1322 done #2; 1322 done #3"),
                tc(
                        "prefix cache hit: two cached blocks skip 1024 of 1500 prompt tokens",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1024, 1, 11, 12), submit(200, 2, 1500, 1, 11, 12, 13)),
                        "0 admit #1; 113.4 first #1; 113.4 done #1;"
                                + " 200 admit #2; 258.6 first #2; 258.6 done #2"),
                tc(
                        "prefix cache miss: other blocks prefill the whole prompt",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1024, 1, 11, 12), submit(200, 2, 1500, 1, 21, 22, 23)),
                        "0 admit #1; 113.4 first #1; 113.4 done #1; 200 admit #2; 361 first #2; 361 done #2"),
                tc(
                        // Miss: 51.2 ms prefill + 11; hit: 11. #5 evicts 2 (LRU order: 2, 3, 1).
                        "LRU eviction: reusing block 1 saves it, block 2 is evicted instead",
                        SMALL_KV,
                        1,
                        List.of(
                                submit(0, 1, 512, 1, 1),
                                submit(100, 2, 512, 1, 2),
                                submit(200, 3, 512, 1, 3),
                                submit(300, 4, 512, 1, 1),
                                submit(400, 5, 512, 1, 4),
                                submit(500, 6, 512, 1, 1),
                                submit(600, 7, 512, 1, 2)),
                        "0 admit #1; 62.2 first #1; 62.2 done #1; 100 admit #2; 162.2 first #2; 162.2 done #2;"
                                + " 200 admit #3; 262.2 first #3; 262.2 done #3; 300 admit #4; 311 first #4;"
                                + " 311 done #4; 400 admit #5; 462.2 first #5; 462.2 done #5; 500 admit #6;"
                                + " 511 first #6; 511 done #6; 600 admit #7; 662.2 first #7; 662.2 done #7"),
                tc(
                        "request larger than the KV cache fails at once",
                        SMALL_KV,
                        1,
                        List.of(submit(0, 1, 2000, 1)),
                        "0 error #1"),
                tc(
                        "slowdown 2 doubles prefill and decode",
                        LLM,
                        1,
                        List.of(slowdown(0, 2), submit(0, 1, 1000, 3)),
                        "0 admit #1; 222 first #1; 266 done #1"),
                tc(
                        "speed factor 0.5 is as slow as slowdown 2",
                        LLM,
                        0.5,
                        List.of(submit(0, 1, 1000, 3)),
                        "0 admit #1; 222 first #1; 266 done #1"),
                tc(
                        // Step 1 runs 111..122 at 11 ms; step 2 takes 22 ms.
                        "slowdown mid-decode applies from the next step boundary",
                        LLM,
                        1,
                        List.of(submit(0, 1, 1000, 3), slowdown(120, 2)),
                        "0 admit #1; 111 first #1; 144 done #1"),
                tc(
                        "error rate 1 fails submissions at once",
                        LLM,
                        1,
                        List.of(errorRate(0, 1), submit(0, 1, 1000, 3)),
                        "0 error #1"),
                tc(
                        "crash fails running and waiting requests, then submissions until restart",
                        LLM,
                        1,
                        List.of(
                                submit(0, 1, 100, 10),
                                submit(0, 2, 100, 10),
                                submit(0, 3, 100, 10),
                                crash(50),
                                submit(60, 4, 100, 1),
                                restart(70),
                                submit(80, 5, 1000, 3)),
                        "0 admit #1; 0 admit #2; 32 first #1; 32 first #2; 50 error #1; 50 error #2;"
                                + " 50 error #3; 60 error #4; 80 admit #5; 191 first #5; 213 done #5"),
                tc(
                        "simple: FIFO behind the concurrency limit",
                        SIMPLE,
                        1,
                        List.of(submit(0, 1, 10, 1), submit(10, 2, 10, 1), submit(20, 3, 10, 1)),
                        "0 admit #1; 100 first #1; 100 done #1; 100 admit #2; 200 first #2; 200 done #2;"
                                + " 200 admit #3; 300 first #3; 300 done #3"),
                tc(
                        "simple: slowdown applies to requests started after it",
                        SIMPLE.withMaxBatch(2),
                        1,
                        List.of(submit(0, 1, 10, 1), slowdown(50, 3), submit(60, 2, 10, 1)),
                        "0 admit #1; 60 admit #2; 100 first #1; 100 done #1; 360 first #2; 360 done #2"),
                tc(
                        "simple: speed factor 2 halves the service time",
                        SIMPLE,
                        2,
                        List.of(submit(0, 1, 10, 1)),
                        "0 admit #1; 50 first #1; 50 done #1"),
                tc(
                        "simple: crash fails running and queued requests",
                        SIMPLE,
                        1,
                        List.of(submit(0, 1, 10, 1), submit(0, 2, 10, 1), crash(30)),
                        "0 admit #1; 30 error #1; 30 error #2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void timeline(
            String name, ReplicaConfig cfg, double speed, List<Action> actions, List<String> want) {
        ReplicaModel model = new ReplicaModel(cfg, speed, 42);

        assertThat(Scenario.run(model, actions)).containsExactlyElementsOf(want);
        assertThat(model.running()).isZero();
        assertThat(model.waiting()).isZero();
    }

    /**
     * {@code timeline}: the expected events, "; "-separated, as {@link Scenario.Log} writes them.
     */
    private static Arguments tc(
            String name, ReplicaConfig cfg, double speed, List<Action> actions, String timeline) {
        return Arguments.of(name, cfg, speed, actions, List.of(timeline.split("; ")));
    }
}
