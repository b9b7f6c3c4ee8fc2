package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.MOONCAKE;
import static io.inferscale.core.trace.TraceFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MooncakeJsonlStreamTest {
    private static final long MS = 1_000_000L;

    static Stream<Arguments> slots() {
        // name, prompt tokens of the slot's rows (file order), slot start ms, slot width ms
        return Stream.of(
                Arguments.of(
                        "slot 0 spans up to the next timestamp (3000 ms)",
                        new int[] {1000, 1001, 1002},
                        0,
                        3000),
                Arguments.of(
                        "slot 3000 is narrowed to the 2999 ms gap",
                        new int[] {2000, 2001},
                        3000,
                        2999),
                Arguments.of(
                        "slot 5999 is capped at 3 s although the next is 6001 ms away",
                        new int[] {512},
                        5999,
                        3000),
                Arguments.of("last slot spans 3 s", new int[] {3000, 3001}, 12000, 3000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slots")
    void spreadsEachSlotInsideItsWindowKeepingFileOrder(
            String name, int[] prompts, long startMs, long widthMs) {
        for (long seed = 0; seed < 50; seed++) {
            List<TraceRequest> slot =
                    readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(seed))
                            .stream()
                            .filter(r -> contains(prompts, r.promptTokens()))
                            .toList();

            assertThat(slot).extracting(TraceRequest::promptTokens).containsExactly(box(prompts));
            assertThat(slot)
                    .allSatisfy(
                            r ->
                                    assertThat(r.arrivalNanos())
                                            .isGreaterThanOrEqualTo(startMs * MS)
                                            .isLessThan((startMs + widthMs) * MS));
        }
    }

    @Test
    void readsFieldsHashesAndEpochStart() {
        assertThat(TraceReaders.traceStart(MOONCAKE, TraceFormat.MOONCAKE))
                .isEqualTo(Instant.EPOCH);

        List<TraceRequest> all = readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults());

        assertThat(all).hasSize(8);
        assertThat(all.get(3).outputTokens()).isEqualTo(20);
        assertThat(all.get(3).prefixHashes()).containsExactly(0, 1, 5, 6);
        assertThat(all.get(4).prefixHashes()).isEmpty();
    }

    @Test
    void jitterIsDeterministicPerSeedAndSorted() {
        List<TraceRequest> first =
                readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(42));
        List<TraceRequest> again =
                readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(42));
        List<TraceRequest> other =
                readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(43));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).extracting(TraceRequest::arrivalNanos).isSorted();
    }

    @Test
    void scaleCompressesJitteredArrivals() {
        List<TraceRequest> unscaled =
                readAll(MOONCAKE, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(5));
        List<TraceRequest> doubled =
                readAll(
                        MOONCAKE,
                        TraceFormat.MOONCAKE,
                        TraceOptions.defaults().withSeed(5).withScale(2));

        assertThat(doubled).hasSameSizeAs(unscaled);
        for (int i = 0; i < unscaled.size(); i++) {
            assertThat(doubled.get(i).arrivalNanos()).isEqualTo(unscaled.get(i).arrivalNanos() / 2);
        }
    }

    @Test
    void acceptsAnyFieldOrderAndJsonWhitespace(@TempDir Path dir) {
        Path file =
                TraceFixtures.write(
                        dir,
                        "reordered.jsonl",
                        "{\"hash_ids\":[7,8],\"output_length\":3,\"timestamp\":0,\"input_length\":900}\n"
                                + " {\t\"timestamp\" : 0 , \"input_length\" : 1 , \"output_length\" : 2 , \"hash_ids\" : [ ] } \n");

        assertThat(readAll(file, TraceFormat.MOONCAKE, TraceOptions.defaults()))
                .extracting(TraceRequest::promptTokens, TraceRequest::outputTokens)
                .containsExactly(tuple(900, 3), tuple(1, 2));
    }

    private static boolean contains(int[] values, int value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }

    private static Integer[] box(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
