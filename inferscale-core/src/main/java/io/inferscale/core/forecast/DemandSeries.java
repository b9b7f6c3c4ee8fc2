package io.inferscale.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A regularly spaced demand series (e.g. requests per minute). {@code NaN} marks a missing
 * observation (an outage, a gap in telemetry): forecasters must neither train on it nor read it as
 * zero demand.
 *
 * @param start the start of the first step
 * @param step the spacing, e.g. one minute
 * @param values one value per step; the array is copied on the way in and out
 */
public record DemandSeries(Instant start, Duration step, double[] values) {
    public DemandSeries {
        if (start == null || step == null || step.isZero() || step.isNegative() || values == null) {
            throw new IllegalArgumentException(
                    "a series needs a start, a positive step and values");
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double at(int i) {
        return values[i];
    }

    public boolean missing(int i) {
        return Double.isNaN(values[i]);
    }

    /** The instant step {@code i} starts at. */
    public Instant timeOf(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /** The end of the last step: the origin a forecast made from this series starts at. */
    public Instant end() {
        return timeOf(values.length);
    }

    /** Steps [from, to) as a new series. */
    public DemandSeries slice(int from, int to) {
        return new DemandSeries(timeOf(from), step, Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandSeries s
                && start.equals(s.start)
                && step.equals(s.step)
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * start.hashCode() + step.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DemandSeries[" + start + " +" + step + " x" + values.length + "]";
    }
}
