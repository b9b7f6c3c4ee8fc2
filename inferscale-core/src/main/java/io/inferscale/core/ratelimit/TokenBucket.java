package io.inferscale.core.ratelimit;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in continuously up to {@code burst}; each
 * request takes one. Clock-free (the caller passes nanoseconds) so it is exact in tests and usable
 * in the simulator. Thread-safe.
 *
 * <p>Hand-written rather than a library: Bucket4j is not served here and Resilience4j's RateLimiter
 * refreshes permits in fixed periods (bursty at period edges); this is twenty lines of arithmetic,
 * tested below.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long stampNanos;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException(
                    "a token bucket needs ratePerSecond > 0 and burst >= 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.stampNanos = nowNanos;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when the request may go, else the nanoseconds until a token will be available
     */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    public synchronized double available(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - stampNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            stampNanos = nowNanos;
        }
    }
}
