package io.inferscale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inferscale.core.trace.PerMinuteSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baselines on the real NASA July 1995 trace, days 1-21 / 22-28, against the issue's reference
 * scale (trailing mean MASE about 0.45 at 15 minutes, seasonal naive about 0.75). The references
 * are approximate, so the bands are loose (+-30 %). Skipped when ../shared/traces is absent; {@code
 * INFERSCALE_TRACES_DIR} points elsewhere.
 */
class NasaBaselinesTest {

    private Path file;

    @BeforeEach
    void locateTrace() {
        String configured = System.getenv("INFERSCALE_TRACES_DIR");
        Path traces =
                (configured != null && !configured.isBlank()
                                ? Path.of(configured)
                                : Path.of("../../shared/traces"))
                        .toAbsolutePath()
                        .normalize();
        file = traces.resolve("nasa_http_1995/nasa_http_1995_07_per_minute.csv");
        assumeTrue(Files.isRegularFile(file), "NASA trace not found at " + file + "; skipping");
    }

    @Test
    void daysSplitOnLocalMidnight() {
        PerMinuteSeries nasa = PerMinuteSeries.read(file, 1);
        DemandSeries train = CalendarDays.days(nasa, 1, 21);
        DemandSeries test = CalendarDays.days(nasa, 22, 28);
        assertThat(train.start()).isEqualTo(Instant.parse("1995-07-01T04:00:00Z"));
        assertThat(train.size()).isEqualTo(21 * Series.DAY);
        assertThat(test.start()).isEqualTo(train.end());
        // The log stops at 1995-07-28 13:33 local.
        assertThat(test.end()).isEqualTo(Instant.parse("1995-07-28T17:33:00Z"));
    }

    @Test
    void baselinesMatchTheIssuesReferenceScaleAt15Minutes() {
        PerMinuteSeries nasa = PerMinuteSeries.read(file, 1);
        DemandSeries train = CalendarDays.days(nasa, 1, 21);
        DemandSeries test = CalendarDays.days(nasa, 22, 28);

        RollingOriginEvaluation.Report report =
                new RollingOriginEvaluation(15, RollingOriginEvaluation.HOURLY)
                        .run(
                                train,
                                test,
                                List.of(
                                        SeasonalNaive.daily(),
                                        SeasonalNaive.weekly(),
                                        new TrailingMean(),
                                        new HoltWinters()));
        Map<String, RollingOriginEvaluation.Score> by =
                report.scores().stream()
                        .collect(
                                Collectors.toMap(
                                        RollingOriginEvaluation.Score::name, Function.identity()));

        // Hourly origins from 22 Jul 00:00 to 28 Jul 13:00 local.
        assertThat(report.origins()).isEqualTo(158);
        assertThat(report.maseScale()).isCloseTo(24.67, within(0.01));
        assertThat(by.get("trailing-mean").mase()).isCloseTo(0.45, within(0.45 * 0.3));
        assertThat(by.get("seasonal-naive-daily").mase()).isCloseTo(0.75, within(0.75 * 0.3));
        assertThat(by.get("seasonal-naive-weekly").mase()).isBetween(0.4, 1.0);
        assertThat(by.get("holt-winters").mase()).isLessThan(by.get("seasonal-naive-daily").mase());
        for (RollingOriginEvaluation.Score s : report.scores()) {
            assertThat(s.scored()).as(s.name()).isEqualTo(158);
            assertThat(s.p90Coverage()).as(s.name() + " p90 coverage").isBetween(0.8, 1.0);
            assertThat(s.smape()).as(s.name() + " sMAPE").isBetween(20.0, 80.0);
        }
    }
}
