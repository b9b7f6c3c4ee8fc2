package io.inferscale.core.scaling.hybrid;

import io.inferscale.core.scaling.TimedBuckets;
import java.time.Duration;

/**
 * Turns regular load samples into the decider's {@link DemandView}: Knative-style sliding-window
 * averages ({@link TimedBuckets}) of the concurrency over a stable and a panic window, and of the
 * arrival rate over the stable window. Unlike the decider this keeps mutable state: one instance
 * per model, fed by whoever sees the samples (the simulator every virtual second; a service from
 * its telemetry). Not thread-safe.
 */
public final class DemandWindows {

    /** Knative's stable window. */
    public static final Duration STABLE_WINDOW = Duration.ofSeconds(60);

    /** Knative's panic window: 10% of the stable window. */
    public static final Duration PANIC_WINDOW = Duration.ofSeconds(6);

    private static final long NEVER = Long.MIN_VALUE;

    private final TimedBuckets stable;
    private final TimedBuckets panic;
    private final TimedBuckets rate;
    private long lastSampleNanos = NEVER;

    /** Knative's windows over one sample per second. */
    public DemandWindows() {
        this(STABLE_WINDOW, PANIC_WINDOW, Duration.ofSeconds(1));
    }

    /**
     * @param sampleInterval how often samples come: the bucket width, so that no bucket is empty
     *     (an empty bucket inside the window counts as zero load)
     */
    public DemandWindows(Duration stableWindow, Duration panicWindow, Duration sampleInterval) {
        long bucket = sampleInterval.toNanos();
        this.stable = new TimedBuckets(stableWindow.toNanos(), bucket);
        this.panic = new TimedBuckets(panicWindow.toNanos(), bucket);
        this.rate = new TimedBuckets(stableWindow.toNanos(), bucket);
    }

    /**
     * @param inFlight requests in flight on the ready replicas now
     * @param requestsPerSecond arrivals per second since the previous sample
     */
    public void record(long nowNanos, double inFlight, double requestsPerSecond) {
        DemandView.requireRate(inFlight, "inFlight");
        DemandView.requireRate(requestsPerSecond, "requestsPerSecond");
        stable.record(nowNanos, inFlight);
        panic.record(nowNanos, inFlight);
        rate.record(nowNanos, requestsPerSecond);
        lastSampleNanos = Math.max(lastSampleNanos, nowNanos);
    }

    /** The windows as of {@code nowNanos}; null when no sample falls within the stable window. */
    public DemandView view(long nowNanos) {
        if (lastSampleNanos == NEVER || stable.isEmpty(nowNanos)) {
            return null;
        }
        return new DemandView(
                lastSampleNanos,
                stable.windowAverage(nowNanos),
                panic.isEmpty(nowNanos) ? 0 : panic.windowAverage(nowNanos),
                rate.windowAverage(nowNanos));
    }
}
