package io.inferscale.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    static final long MS = 1_000_000L;

    @Test
    void allowsTheBurstThenTheRate() {
        TokenBucket b = new TokenBucket(10, 3, 0); // 10/s: one token every 100 ms
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isZero();
        assertThat(b.tryTake(0)).isEqualTo(100 * MS); // empty: wait for the next token
        assertThat(b.tryTake(50 * MS)).isEqualTo(50 * MS);
        assertThat(b.tryTake(100 * MS)).isZero();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket b = new TokenBucket(1000, 2, 0);
        assertThat(b.available(10_000 * MS)).isEqualTo(2.0);
    }

    @Test
    void ignoresTimeGoingBackwards() {
        TokenBucket b = new TokenBucket(1, 1, 1000 * MS);
        assertThat(b.tryTake(1000 * MS)).isZero();
        assertThat(b.tryTake(0)).isPositive();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
