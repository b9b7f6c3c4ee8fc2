package io.inferscale.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.core.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesGridTest {
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void absentWindowsAreMissingNotZeroAndZeroArrivalsStayZero() {
        List<DemandPoint> points =
                List.of(p(T, 60, 7), p(T.plusSeconds(120), 60, 0), p(T.plusSeconds(180), 60, 4));
        DemandSeries s = SeriesGrid.arrivals(points, T, T.plusSeconds(300), MINUTE);
        assertThat(s.start()).isEqualTo(T);
        assertThat(s.values()).containsExactly(7, Double.NaN, 0, 4, Double.NaN);
    }

    @Test
    void alignsTheRangeAndIgnoresOtherWindowLengthsAndOffGridWindows() {
        List<DemandPoint> points =
                List.of(
                        p(T.plusSeconds(60), 10, 99),
                        p(T.plusSeconds(90), 60, 99),
                        p(T.plusSeconds(60), 60, 3),
                        p(T.minusSeconds(60), 60, 99));
        DemandSeries s = SeriesGrid.arrivals(points, T.plusSeconds(30), T.plusSeconds(150), MINUTE);
        assertThat(s.start()).isEqualTo(T);
        assertThat(s.values()).containsExactly(Double.NaN, 3);
    }

    @Test
    void refusesAStepThatDoesNotDivideADay() {
        assertThatThrownBy(() -> SeriesGrid.alignDown(T, Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBacktestSplitTakesTheMostRecentPart() {
        DemandSeries s = new DemandSeries(T, MINUTE, new double[] {1, 2, 3, 4, 5});
        BacktestSplit split = BacktestSplit.lastPart(s, Duration.ofMinutes(2));
        assertThat(split.train().values()).containsExactly(1, 2, 3);
        assertThat(split.test().values()).containsExactly(4, 5);
        assertThat(split.test().start()).isEqualTo(split.train().end());
        assertThatThrownBy(() -> BacktestSplit.lastPart(s, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DemandPoint p(Instant start, int seconds, long arrivals) {
        return new DemandPoint(start, seconds, arrivals, 0, 0, 0);
    }
}
