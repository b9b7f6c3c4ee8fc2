package io.inferscale.core.scaling;

import static io.inferscale.core.scaling.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** knative {@code TestTimedFloat64BucketsWindowAverage}-style cases on a 10 s window of 1 s. */
class TimedBucketsTest {

    /** One value at one time, in seconds. */
    record Sample(double second, double value) {}

    static Sample at(double second, double value) {
        return new Sample(second, value);
    }

    static Sample[] ramp(int fromSecond, int toSecond) {
        return IntStream.rangeClosed(fromSecond, toSecond)
                .mapToObj(s -> at(s, s + 1))
                .toArray(Sample[]::new);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing recorded averages 0", new Sample[0], 5, 0.0, true),
                arguments(
                        "a partial window averages over the buckets since the first write",
                        new Sample[] {at(0, 10), at(1, 10), at(2, 10)},
                        2,
                        10.0,
                        false),
                arguments(
                        "gaps inside the data count as zero",
                        new Sample[] {at(0, 10), at(3, 20)},
                        3,
                        7.5,
                        false),
                arguments(
                        "samples within one bucket are averaged",
                        new Sample[] {at(4.2, 10), at(4.7, 20)},
                        4,
                        15.0,
                        false),
                arguments(
                        "the window slides: values 1..20 at 0..19 s average 11..20",
                        ramp(0, 19),
                        19,
                        15.5,
                        false),
                arguments(
                        "a stale tail is left out of the denominator", ramp(0, 9), 14, 8.0, false),
                arguments(
                        "a full window since the last write averages 0 but is not yet empty",
                        ramp(0, 9),
                        19,
                        0.0,
                        false),
                arguments("past a full window it is empty", ramp(0, 9), 20, 0.0, true),
                arguments(
                        "a write after a quiet window starts afresh",
                        new Sample[] {at(0, 10), at(1, 10), at(30, 20)},
                        30,
                        20.0,
                        false),
                arguments(
                        "a late sample within the window still counts",
                        new Sample[] {at(5, 10), at(3, 30)},
                        5,
                        (10 + 0 + 30) / 3.0,
                        false),
                arguments(
                        "a sample older than the window is dropped",
                        new Sample[] {at(20, 10), at(5, 1000)},
                        20,
                        10.0,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void averages(String name, Sample[] samples, double nowSecond, double want, boolean empty) {
        TimedBuckets buckets = new TimedBuckets(10 * SECOND, SECOND);
        for (Sample s : samples) {
            buckets.record((long) (s.second() * SECOND), s.value());
        }

        long now = (long) (nowSecond * SECOND);
        assertThat(buckets.windowAverage(now)).isCloseTo(want, within(1e-9));
        assertThat(buckets.isEmpty(now)).isEqualTo(empty);
    }
}
