package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.PER_MINUTE;
import static io.inferscale.core.trace.TraceFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerMinuteArrivalStreamTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void placesEachMinutesCountInsideItAndNothingInOutages() {
        List<TraceRequest> all =
                readAll(PER_MINUTE, TraceFormat.PER_MINUTE, TraceOptions.defaults());

        assertThat(perMinute(all, 6)).containsExactly(3, 0, 0, 2, 0, 4);
        assertThat(all).extracting(TraceRequest::arrivalNanos).isSorted();
        assertThat(all)
                .allSatisfy(
                        r -> {
                            assertThat(r.promptTokens()).isZero();
                            assertThat(r.prefixHashes()).isEmpty();
                        });
    }

    @Test
    void reportsOutagesAsGapsAndStartsAtTheFirstMinute() {
        try (ArrivalStream stream =
                TraceReaders.open(PER_MINUTE, TraceFormat.PER_MINUTE, TraceOptions.defaults())) {
            assertThat(stream.traceStart()).isEqualTo(Instant.parse("1995-07-01T04:00:00Z"));
            assertThat(stream.gaps())
                    .containsExactly(
                            new TraceGap(Duration.ofMinutes(2), Duration.ofMinutes(3)),
                            new TraceGap(Duration.ofMinutes(4), Duration.ofMinutes(5)));
        }
    }

    @Test
    void gapsAreClippedToTheWindow() {
        TraceOptions window =
                TraceOptions.defaults()
                        .withWindow(Duration.ofSeconds(150), Duration.ofSeconds(270));
        try (ArrivalStream stream = TraceReaders.open(PER_MINUTE, TraceFormat.PER_MINUTE, window)) {
            assertThat(stream.gaps())
                    .containsExactly(
                            new TraceGap(Duration.ofSeconds(150), Duration.ofMinutes(3)),
                            new TraceGap(Duration.ofMinutes(4), Duration.ofSeconds(270)));
        }
    }

    @Test
    void fractionalScaledCountsRoundAtRandomWithTheRightMean() {
        // Scale 2.5 turns 3 requests into 7.5 expected: each seed gives 7 or 8, averaging 7.5.
        int seeds = 2000;
        long minuteZero = 0;
        for (long seed = 0; seed < seeds; seed++) {
            TraceOptions options = TraceOptions.defaults().withScale(2.5).withSeed(seed);
            int[] counts = perMinute(readAll(PER_MINUTE, TraceFormat.PER_MINUTE, options), 6);
            assertThat(counts[0]).isBetween(7, 8);
            assertThat(counts).endsWith(0, 0, 5, 0, 10);
            minuteZero += counts[0];
        }
        assertThat(minuteZero / (double) seeds).isCloseTo(7.5, within(0.05));
    }

    @Test
    void sameSeedReplaysIdenticallyAndAnotherSeedDiffers() {
        TraceOptions options = TraceOptions.defaults().withScale(30).withSeed(11);

        List<TraceRequest> first = readAll(PER_MINUTE, TraceFormat.PER_MINUTE, options);

        assertThat(readAll(PER_MINUTE, TraceFormat.PER_MINUTE, options)).isEqualTo(first);
        assertThat(readAll(PER_MINUTE, TraceFormat.PER_MINUTE, options.withSeed(12)))
                .isNotEqualTo(first);
    }

    @Test
    void arrivalsLookUniformWithinTheMinute() {
        // 3 * 20000 arrivals in minute 0: each sixth of the minute should hold about a sixth of
        // them.
        List<TraceRequest> all =
                readAll(
                        PER_MINUTE,
                        TraceFormat.PER_MINUTE,
                        TraceOptions.defaults().withScale(20_000).withSeed(3));
        int[] sixths = new int[6];
        all.stream()
                .mapToLong(TraceRequest::arrivalNanos)
                .filter(t -> t < MINUTE)
                .forEach(t -> sixths[(int) (t / (MINUTE / 6))]++);

        assertThat(Arrays.stream(sixths).min().orElseThrow()).isGreaterThan(9_500);
        assertThat(Arrays.stream(sixths).max().orElseThrow()).isLessThan(10_500);
    }

    private static int[] perMinute(List<TraceRequest> requests, int minutes) {
        int[] counts = new int[minutes];
        requests.forEach(r -> counts[(int) (r.arrivalNanos() / MINUTE)]++);
        return counts;
    }
}
