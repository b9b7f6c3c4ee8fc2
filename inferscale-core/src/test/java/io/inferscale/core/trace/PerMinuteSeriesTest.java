package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.PER_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PerMinuteSeriesTest {
    private static final double NaN = Double.NaN;

    @Test
    void marksOutageRowsAndSkippedMinutesMissingNotZero() {
        PerMinuteSeries series = PerMinuteSeries.read(PER_MINUTE, 1.0);

        assertThat(series.start()).isEqualTo(Instant.parse("1995-07-01T04:00:00Z"));
        assertThat(series.localOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(series.counts()).containsExactly(3, 0, NaN, 2, NaN, 4);
        assertThat(series.missing()).containsExactly(false, false, true, false, true, false);
        assertThat(series.minuteStart(5)).isEqualTo(Instant.parse("1995-07-01T04:05:00Z"));
        assertThat(series.gaps())
                .containsExactly(
                        new TraceGap(Duration.ofMinutes(2), Duration.ofMinutes(3)),
                        new TraceGap(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    }

    @Test
    void scaleMultipliesCountsAndKeepsMissing() {
        PerMinuteSeries series = PerMinuteSeries.read(PER_MINUTE, 2.5);

        assertThat(series.counts()).containsExactly(7.5, 0, NaN, 5, NaN, 10);
        assertThat(series.missing()).containsExactly(false, false, true, false, true, false);
    }

    static Stream<Arguments> timeColumns() {
        return Stream.of(
                Arguments.of(
                        "unix time only: UTC offset",
                        "unix_time_s,requests\n804571200,1\n804571260,2\n",
                        ZoneOffset.UTC),
                Arguments.of(
                        "local time only, no outage column",
                        "minute_start_local,requests\n1995-07-01T00:00:00-04:00,1\n1995-07-01T00:01:00-04:00,2\n",
                        ZoneOffset.ofHours(-4)),
                Arguments.of(
                        "columns in another order, an extra column, decimal counts",
                        "requests,bytes,unix_time_s\n1.0,77,804571200\n2,78,804571260\n",
                        ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeColumns")
    void findsColumnsByName(String name, String csv, ZoneOffset offset, @TempDir Path dir) {
        PerMinuteSeries series =
                PerMinuteSeries.read(TraceFixtures.write(dir, "series.csv", csv), 1.0);

        assertThat(series.start()).isEqualTo(Instant.ofEpochSecond(804571200));
        assertThat(series.localOffset()).isEqualTo(offset);
        assertThat(series.counts()).containsExactly(1, 2);
    }

    @Test
    void copiesArraysInAndOut() {
        double[] counts = {1, 2};
        PerMinuteSeries series =
                new PerMinuteSeries(Instant.EPOCH, ZoneOffset.UTC, counts, new boolean[2]);
        counts[0] = 99;
        series.counts()[1] = 99;

        assertThat(series.counts()).containsExactly(1, 2);
        assertThat(series)
                .isEqualTo(
                        new PerMinuteSeries(
                                Instant.EPOCH,
                                ZoneOffset.UTC,
                                new double[] {1, 2},
                                new boolean[2]));
    }

    @Test
    void rejectsNegativeCountsAndBadScale() {
        assertThatThrownBy(
                        () ->
                                new PerMinuteSeries(
                                        Instant.EPOCH,
                                        ZoneOffset.UTC,
                                        new double[] {-1},
                                        new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minute 0");
        assertThatThrownBy(() -> PerMinuteSeries.read(PER_MINUTE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale");
    }
}
