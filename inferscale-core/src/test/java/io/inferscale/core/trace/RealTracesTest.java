package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real shared traces (../shared/traces, see its README), read as they are. Skipped when the
 * folder is absent; {@code INFERSCALE_TRACES_DIR} points elsewhere.
 */
class RealTracesTest {
    private Path traces;

    // Per test rather than @BeforeAll: surefire drops class-level skips from its report, and the
    // message should show.
    @BeforeEach
    void locateTraces() {
        String configured = System.getenv("INFERSCALE_TRACES_DIR");
        traces =
                (configured != null && !configured.isBlank()
                                ? Path.of(configured)
                                : Path.of("../../shared/traces"))
                        .toAbsolutePath()
                        .normalize();
        assumeTrue(
                Files.isDirectory(traces), "shared traces not found at " + traces + "; skipping");
    }

    @Test
    void azureConversationTrace() {
        Path file = traces.resolve("azure_llm_2023/AzureLLMInferenceTrace_conv.csv");
        assertThat(TraceFormat.detect(file)).isEqualTo(TraceFormat.AZURE_LLM);
        assertThat(TraceReaders.traceStart(file, TraceFormat.AZURE_LLM))
                .isEqualTo(Instant.parse("2023-11-16T18:15:46.680590Z"));

        List<TraceRequest> all = readAll(file, TraceFormat.AZURE_LLM, TraceOptions.defaults());

        assertThat(all).hasSize(19_366);
        assertThat(all).extracting(TraceRequest::arrivalNanos).isSorted();
        assertThat(all.stream().mapToInt(TraceRequest::promptTokens).average().orElseThrow())
                .isCloseTo(1_155, within(1.0));
        assertThat(all.stream().mapToInt(TraceRequest::outputTokens).average().orElseThrow())
                .isCloseTo(211, within(1.0));
        assertThat(Duration.ofNanos(all.get(all.size() - 1).arrivalNanos()))
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(59));
    }

    @Test
    void mooncakeConversationTrace() {
        Path file = traces.resolve("mooncake_fast25/conversation_trace_first40min.jsonl");
        assertThat(TraceFormat.detect(file)).isEqualTo(TraceFormat.MOONCAKE);

        List<TraceRequest> all =
                readAll(file, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(1));

        assertThat(all).hasSize(7_851);
        assertThat(all).extracting(TraceRequest::arrivalNanos).isSorted();
        assertThat(all.get(all.size() - 1).arrivalNanos())
                .isLessThan(Duration.ofMinutes(40).toNanos());
        // The README's 12,035 / 343 describe the whole published trace; this 40-minute cut averages
        // 12,428 / 347.
        assertThat(all.stream().mapToInt(TraceRequest::promptTokens).average().orElseThrow())
                .isCloseTo(12_428, within(1.0));
        assertThat(all.stream().mapToInt(TraceRequest::outputTokens).average().orElseThrow())
                .isCloseTo(347, within(1.0));
        assertThat(all)
                .allSatisfy(
                        r -> assertThat(r.prefixHashes()).hasSize((r.promptTokens() + 511) / 512));
        assertThat(repeatedBlockShare(all)).isBetween(0.30, 0.40);
        // Jitter spreads the 800 quantised timestamps: (almost) every arrival is distinct.
        assertThat(all.stream().mapToLong(TraceRequest::arrivalNanos).distinct().count())
                .isGreaterThan(7_800);

        assertThat(readAll(file, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(1)))
                .isEqualTo(all);
        assertThat(readAll(file, TraceFormat.MOONCAKE, TraceOptions.defaults().withSeed(2)))
                .isNotEqualTo(all);
    }

    @Test
    void nasaPerMinuteSeries() {
        Path file = traces.resolve("nasa_http_1995/nasa_http_1995_07_per_minute.csv");
        assertThat(TraceFormat.detect(file)).isEqualTo(TraceFormat.PER_MINUTE);

        PerMinuteSeries series = PerMinuteSeries.read(file, 1.0);

        assertThat(series.size()).isEqualTo(39_693);
        assertThat(series.start()).isEqualTo(Instant.parse("1995-07-01T04:00:00Z"));
        assertThat(series.localOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(series.gaps()).isEmpty();
        double total = Arrays.stream(series.counts()).sum();
        assertThat(total).isEqualTo(1_891_713);
        // The README's "42/min" averages over all of July, counting the unlogged tail from 28 Jul
        // 13:33 as zero.
        assertThat(total / (31 * 24 * 60)).isCloseTo(42, within(0.5));
        assertThat(total / series.size()).isCloseTo(47.7, within(0.1));
        assertThat(Arrays.stream(series.counts()).max().orElseThrow()).isEqualTo(405);
    }

    @Test
    void nasaArrivalsMatchTheCountsSortedAndSeeded() {
        Path file = traces.resolve("nasa_http_1995/nasa_http_1995_07_per_minute.csv");
        TraceOptions options = TraceOptions.defaults().withSeed(9);
        long count = 0;
        long previous = 0;
        long outOfOrder = 0;
        long checksum = 0;
        try (ArrivalStream stream = TraceReaders.open(file, TraceFormat.PER_MINUTE, options)) {
            while (stream.hasNext()) {
                long arrival = stream.next().arrivalNanos();
                outOfOrder += arrival < previous ? 1 : 0;
                previous = arrival;
                checksum = checksum * 31 + arrival;
                count++;
            }
        }

        assertThat(count).isEqualTo(1_891_713);
        assertThat(outOfOrder).isZero();
        assertThat(previous).isLessThan(39_693L * 60_000_000_000L);
        assertThat(checksumOf(file, options)).isEqualTo(checksum);
        assertThat(checksumOf(file, options.withSeed(10))).isNotEqualTo(checksum);
    }

    @Test
    void nasaScaledTimesHundredOverTheLaunch() {
        Path file = traces.resolve("nasa_http_1995/nasa_http_1995_07_per_minute.csv");
        PerMinuteSeries series = PerMinuteSeries.read(file, 1.0);
        // 13 Jul 09:00-11:00 local (the launch), 12 days after the 1 Jul local-midnight start.
        Duration from = Duration.ofDays(12).plusHours(9);
        TraceOptions launch = new TraceOptions(100, 3, from, from.plusHours(2));
        double expected = 0;
        for (int i = (int) from.toMinutes(); i < from.toMinutes() + 120; i++) {
            expected += series.count(i) * 100;
        }

        long count = 0;
        try (ArrivalStream stream = TraceReaders.open(file, TraceFormat.PER_MINUTE, launch)) {
            while (stream.hasNext()) {
                stream.next();
                count++;
            }
        }

        assertThat((double) count).isEqualTo(expected);
    }

    private static long checksumOf(Path file, TraceOptions options) {
        long checksum = 0;
        try (ArrivalStream stream = TraceReaders.open(file, TraceFormat.PER_MINUTE, options)) {
            while (stream.hasNext()) {
                checksum = checksum * 31 + stream.next().arrivalNanos();
            }
        }
        return checksum;
    }

    private static double repeatedBlockShare(List<TraceRequest> requests) {
        Set<Long> seen = new HashSet<>();
        long blocks = 0;
        long repeated = 0;
        for (TraceRequest request : requests) {
            for (long hash : request.prefixHashes()) {
                blocks++;
                if (!seen.add(hash)) {
                    repeated++;
                }
            }
        }
        return repeated / (double) blocks;
    }
}
