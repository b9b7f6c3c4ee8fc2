package io.inferscale.core.scaling;

import java.util.Arrays;

/**
 * A sliding-window average over fixed-width time buckets, after knative/serving's {@code
 * TimedFloat64Buckets} ({@code pkg/autoscaler/aggregation/bucketing.go}), in virtual nanoseconds.
 *
 * <p>Semantics kept from knative: buckets with no sample inside the window count as zero; the
 * average is over the buckets since the first write when that is shorter than the window (a fresh
 * or long-idle series is not diluted by zeros it never saw); and when the last write is older than
 * now, the stale tail is left out of the denominator too. One difference: samples landing in the
 * same bucket are averaged rather than summed. Knative writes one revision-wide value per 1 s
 * scrape, so both agree at one sample per bucket; averaging keeps the value independent of how
 * often the caller samples.
 *
 * <p>{@link #record} is O(1) amortised and allocation-free. {@link #windowAverage} sums the window
 * (60 buckets for KPA's stable window) exactly instead of keeping a running total, so a series that
 * returns to zero reads exactly zero; knative rounds its running total to 6 digits for the same
 * reason.
 *
 * <p>Public so that the hybrid decider's callers window their load samples the same way.
 */
public final class TimedBuckets {
    private static final long NEVER = Long.MIN_VALUE;

    private final long granularityNanos;
    private final int size;
    private final double[] sums;
    private final int[] counts;
    private long firstBucket = NEVER;
    private long lastBucket = NEVER;

    public TimedBuckets(long windowNanos, long granularityNanos) {
        if (granularityNanos <= 0 || windowNanos < granularityNanos) {
            throw new IllegalArgumentException("window must be >= granularity > 0");
        }
        this.granularityNanos = granularityNanos;
        this.size = (int) ((windowNanos + granularityNanos - 1) / granularityNanos);
        this.sums = new double[size];
        this.counts = new int[size];
    }

    public void record(long nowNanos, double value) {
        long bucket = Math.floorDiv(nowNanos, granularityNanos);
        if (lastBucket == NEVER || bucket - lastBucket > size) {
            // Nothing written for a whole window: start afresh, as if this were the first write.
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            firstBucket = bucket;
            lastBucket = bucket;
        } else if (bucket > lastBucket) {
            for (long b = lastBucket + 1; b <= bucket; b++) {
                int i = index(b);
                sums[i] = 0;
                counts[i] = 0;
            }
            lastBucket = bucket;
        } else if (bucket <= lastBucket - size) {
            return; // older than the window the buckets hold
        } else if (bucket < firstBucket) {
            firstBucket = bucket;
        }
        int i = index(bucket);
        sums[i] += value;
        counts[i]++;
    }

    /** True when nothing was recorded within the window ending at {@code nowNanos}. */
    public boolean isEmpty(long nowNanos) {
        return lastBucket == NEVER || Math.floorDiv(nowNanos, granularityNanos) - lastBucket > size;
    }

    public double windowAverage(long nowNanos) {
        if (lastBucket == NEVER) {
            return 0;
        }
        long stale = Math.max(0, Math.floorDiv(nowNanos, granularityNanos) - lastBucket);
        if (stale >= size) {
            return 0;
        }
        double total = 0;
        for (long b = lastBucket - size + stale + 1; b <= lastBucket; b++) {
            int i = index(b);
            if (counts[i] > 0) {
                total += sums[i] / counts[i];
            }
        }
        long valid = Math.min(lastBucket - firstBucket + 1, size - stale);
        return total / valid;
    }

    private int index(long bucket) {
        return (int) Math.floorMod(bucket, (long) size);
    }
}
