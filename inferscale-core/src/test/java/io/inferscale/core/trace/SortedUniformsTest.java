package io.inferscale.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SortedUniformsTest {

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("none", 0, 60_000_000_000L),
                Arguments.of("one", 1, 60_000_000_000L),
                Arguments.of("below the bucket threshold", 63, 60_000_000_000L),
                Arguments.of("bucketed", 5_000, 60_000_000_000L),
                Arguments.of("more values than the bound", 1_000, 10L),
                Arguments.of("grown scratch", 200_000, 60_000_000_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void returnsExactlyTheDrawsSorted(String name, int n, long bound) {
        SortedUniforms uniforms = new SortedUniforms();
        uniforms.fill(
                new SplittableRandom(1),
                new long[10],
                8,
                bound); // leaves state behind to be reused

        long[] sorted = new long[n];
        uniforms.fill(new SplittableRandom(99), sorted, n, bound);

        SplittableRandom same = new SplittableRandom(99);
        long[] draws = new long[n];
        for (int i = 0; i < n; i++) {
            draws[i] = same.nextLong(bound);
        }
        Arrays.sort(draws);
        assertThat(Arrays.equals(sorted, draws))
                .as("sorted draws equal Arrays.sort of the same draws")
                .isTrue();
    }
}
