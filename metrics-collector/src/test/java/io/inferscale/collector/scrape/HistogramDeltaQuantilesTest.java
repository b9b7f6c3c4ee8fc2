package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.scrape.Histogram;
import io.inferscale.collector.domain.scrape.Latency;
import io.inferscale.collector.domain.scrape.Totals;
import io.inferscale.contracts.Quantiles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Latency quantiles from the change in a histogram between two scrapes. Every expected value is
 * worked out by hand in the case's comment: rank = q * observations, then linear interpolation
 * inside the bucket holding that rank (PromQL's histogram_quantile), in seconds times 1000.
 */
class HistogramDeltaQuantilesTest {
    static final double INF = Double.POSITIVE_INFINITY;
    static final double[] BOUNDS = {0.1, 0.5, 1.0, INF};

    static Histogram h(double... cumulative) {
        return new Histogram(BOUNDS, cumulative, Double.NaN, cumulative[cumulative.length - 1]);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 100 new: p50 rank 50 in (0.1,0.5] holding 50 above 10: 0.1+0.4*(40/50)=0.42;
                // p90 rank 90 in (0.5,1] holding 30 above 60: 0.5+0.5*(30/30)=1.0;
                // p99 rank 99 falls in +Inf: the highest finite bound, 1.0.
                arguments(
                        "from zero",
                        h(0, 0, 0, 0),
                        h(10, 60, 90, 100),
                        new Quantiles(420, 1000, 1000)),
                // delta (10,50,80,90), 90 new: p50 rank 45: 0.1+0.4*(35/40)=0.45;
                // p90 rank 81 > 80: +Inf bucket -> 1.0; p99 likewise.
                arguments(
                        "delta between scrapes",
                        h(5, 10, 10, 10),
                        h(15, 60, 90, 100),
                        new Quantiles(450, 1000, 1000)),
                // bucket 0 went 50 -> 10: the replica restarted, so all 100 are new: as "from
                // zero".
                arguments(
                        "counter reset",
                        h(50, 100, 100, 100),
                        h(10, 60, 90, 100),
                        new Quantiles(420, 1000, 1000)),
                // all 100 in the first bucket, which starts at 0: 0.1*0.5, 0.1*0.9, 0.1*0.99.
                arguments(
                        "all in the first bucket",
                        h(0, 0, 0, 0),
                        h(100, 100, 100, 100),
                        new Quantiles(50, 90, 99)),
                // bucket 1 read lower than bucket 0 (a non-atomic scrape): treated as 10, so
                // delta (10,10,20,20): p50 rank 10 in bucket 0: 0.1*(10/10)=0.1;
                // p90 rank 18 in (0.5,1] holding 10 above 10: 0.5+0.5*(8/10)=0.9;
                // p99 rank 19.8: 0.5+0.5*(9.8/10)=0.99.
                arguments(
                        "non-monotonic buckets",
                        h(0, 0, 0, 0),
                        h(10, 8, 20, 20),
                        new Quantiles(100, 900, 990)),
                arguments("no new observations", h(10, 60, 90, 100), h(10, 60, 90, 100), null),
                arguments("first scrape", null, h(10, 60, 90, 100), null),
                arguments("server lacks the histogram", h(0, 0, 0, 0), null, null),
                // layouts differ: the server was reconfigured, so count everything now (as reset).
                arguments(
                        "bucket layout changed",
                        new Histogram(new double[] {0.2, INF}, new double[] {5, 5}, 0, 5),
                        h(10, 60, 90, 100),
                        new Quantiles(420, 1000, 1000)),
                arguments(
                        "no +Inf bucket",
                        new Histogram(new double[] {0.1, 0.5}, new double[] {0, 0}, 0, 0),
                        new Histogram(new double[] {0.1, 0.5}, new double[] {5, 10}, 1, 10),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void quantilesOfTheDelta(String name, Histogram previous, Histogram current, Quantiles want) {
        Quantiles got = Latency.quantiles(previous, current, 1000.0);

        if (want == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got).isNotNull();
            assertThat(got.p50()).isCloseTo(want.p50(), within(1e-9));
            assertThat(got.p90()).isCloseTo(want.p90(), within(1e-9));
            assertThat(got.p99()).isCloseTo(want.p99(), within(1e-9));
        }
    }

    static Stream<Arguments> means() {
        return Stream.of(
                // 500,000 us over 5 requests = 100 ms each.
                arguments("delta", new Totals(1_000_000, 10), new Totals(1_500_000, 15), 100.0),
                // the counters went down: restarted; 200,000 us over 2 since then = 100 ms.
                arguments(
                        "counter reset", new Totals(1_000_000, 10), new Totals(200_000, 2), 100.0),
                arguments("no requests in between", new Totals(5, 1), new Totals(5, 1), null),
                arguments("first scrape", null, new Totals(5, 1), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("means")
    void meanFromCumulativeMicrosecondCounters(
            String name, Totals previous, Totals current, Double wantMs) {
        assertThat(current.meanSince(previous, 0.001)).isEqualTo(wantMs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histogramMeans")
    void meanFromHistogramSumAndCount(
            String name, Histogram previous, Histogram current, Double want) {
        assertThat(Latency.mean(previous, current, 1000.0)).isEqualTo(want);
    }

    static Stream<Arguments> histogramMeans() {
        return Stream.of(
                // (12 - 2) s over (8 - 3) requests = 2 s.
                arguments(
                        "delta",
                        new Histogram(BOUNDS, new double[] {1, 2, 3, 3}, 2, 3),
                        new Histogram(BOUNDS, new double[] {1, 2, 3, 8}, 12, 8),
                        2000.0),
                arguments(
                        "none in between",
                        new Histogram(BOUNDS, new double[] {1, 2, 3, 3}, 2, 3),
                        new Histogram(BOUNDS, new double[] {1, 2, 3, 3}, 2, 3),
                        null));
    }
}
