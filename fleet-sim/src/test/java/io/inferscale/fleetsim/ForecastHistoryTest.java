package io.inferscale.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastHistoryTest {
    private static final Instant START = Instant.parse("1995-07-01T04:00:00Z");

    @TempDir Path dir;

    /** Minutes 0..9 with 10, 11, ... 19 requests; minute 3 an outage. */
    private Path file() throws IOException {
        StringBuilder csv = new StringBuilder("minute_start_local,unix_time_s,requests,outage\n");
        for (int m = 0; m < 10; m++) {
            csv.append(
                    String.format(
                            "1995-07-01T00:%02d:00-04:00,%d,%d,%d%n",
                            m, 804571200 + 60 * m, 10 + m, m == 3 ? 1 : 0));
        }
        Path file = dir.resolve("h.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void keepsTheMinutesOverBeforeTheReplayStartsScaled() throws IOException {
        ForecastHistory h = ForecastHistory.load(file(), 2, START, START.plusSeconds(5 * 60 + 30));

        assertThat(h.firstMinute()).isZero();
        assertThat(h.counts()).containsExactly(20, 22, 24, Double.NaN, 28);
    }

    @Test
    void placesAnotherFilesMinutesOnTheTracesClock() throws IOException {
        ForecastHistory h =
                ForecastHistory.load(file(), 1, START.minusSeconds(120), START.plusSeconds(60));

        assertThat(h.firstMinute()).isEqualTo(2);
        assertThat(h.counts()).containsExactly(10);
    }

    @Test
    void rejectsMinutesOffTheTracesGrid() throws IOException {
        Path file = file();
        assertThatThrownBy(
                        () ->
                                ForecastHistory.load(
                                        file, 1, START.minusSeconds(30), START.plusSeconds(600)))
                .hasMessageContaining("not on the replayed trace's minute grid");
    }

    @Test
    void rejectsAHistoryThatStartsWithTheReplay() throws IOException {
        Path file = file();
        assertThatThrownBy(() -> ForecastHistory.load(file, 1, START, START.plusSeconds(59)))
                .hasMessageContaining("no minute before the replay");
    }
}
