package io.inferscale.collector.domain.rollup;

import io.inferscale.collector.domain.SeriesQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which store answers a series query. Raw rows are exact and current but kept two days; rollups are
 * kept for the retention (30 days) and cheap to scan, but a minute appears only once its window
 * closes (its end plus the lateness allowance). Steps of whole hours read hour rows, other whole
 * minutes read minute rows, anything finer reads raw rows. Hour rows are derived from minute rows
 * with the same merge the query applies, so both give the same answer.
 */
public enum RollupResolution {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1));

    private final Duration rowLength;

    RollupResolution(Duration rowLength) {
        this.rowLength = rowLength;
    }

    /** The coarsest resolution that divides the step, or empty when only raw rows can. */
    public static Optional<RollupResolution> forStep(Duration step) {
        for (RollupResolution r : new RollupResolution[] {HOUR, MINUTE}) {
            if (step.compareTo(r.rowLength) >= 0 && step.toMillis() % r.rowLength.toMillis() == 0) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Duration rowLength() {
        return rowLength;
    }

    /**
     * The query widened to whole rows: a bucket boundary inside a row would misplace it. The
     * response reports the widened range.
     */
    public SeriesQuery align(SeriesQuery q) {
        return new SeriesQuery(q.model(), floor(q.from()), ceil(q.to()), q.step());
    }

    /**
     * Rows starting before the returned instant are final; later ones are missing or partial until
     * the last minute in them closes (its end plus the allowance), so a chart knows why its tail is
     * empty.
     */
    public Instant settledBefore(Instant now, Duration allowedLateness) {
        Instant lastClosedMinuteEnd =
                MINUTE.floor(
                        now.minus(allowedLateness)); // minute m is closed at m + 1 min + allowance
        return floor(lastClosedMinuteEnd);
    }

    Instant floor(Instant t) {
        long m = rowLength.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), m) * m);
    }

    private Instant ceil(Instant t) {
        long m = rowLength.toMillis();
        return Instant.ofEpochMilli(-Math.floorDiv(-t.toEpochMilli(), m) * m);
    }
}
