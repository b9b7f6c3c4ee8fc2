package io.inferscale.collector.adapter.window;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches on the window consumer: lag in records and in time (how far the oldest
 * owned partition's watermark trails the clock), open windows, and anything not written.
 */
public final class WindowMetrics {
    private final Counter added;
    private final Counter skipped;
    private final Counter written;
    private final Counter dropped;
    private final Counter sinkFailures;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong watermarkDelayMs = new AtomicLong();
    private final AtomicLong openWindows = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    public WindowMetrics(MeterRegistry meters) {
        String p = "inferscale.collector.windows.";
        added = meters.counter(p + "records", "result", "added");
        skipped = meters.counter(p + "records", "result", "undecodable");
        written = meters.counter(p + "emitted");
        dropped = meters.counter(p + "dropped");
        sinkFailures = meters.counter(p + "write.failures");
        Gauge.builder(p + "lag", lag, AtomicLong::get)
                .description("records in owned partitions not yet read")
                .register(meters);
        Gauge.builder(p + "watermark.delay", watermarkDelayMs, v -> v.get() / 1000.0)
                .baseUnit("seconds")
                .description("how far the oldest owned watermark trails the clock")
                .register(meters);
        Gauge.builder(p + "open", openWindows, AtomicLong::get).register(meters);
        Gauge.builder(p + "pending", pending, AtomicLong::get).register(meters);
    }

    void recordsAdded(int n) {
        added.increment(n);
    }

    void recordsSkipped(int n) {
        skipped.increment(n);
    }

    void windowsWritten(int n) {
        written.increment(n);
    }

    void windowsDropped(int n) {
        dropped.increment(n);
    }

    void sinkFailed() {
        sinkFailures.increment();
    }

    void observe(long lagRecords, long delayMs, int open, int unwritten) {
        lag.set(lagRecords);
        watermarkDelayMs.set(delayMs);
        openWindows.set(open);
        pending.set(unwritten);
    }

    public long lag() {
        return lag.get();
    }

    public double added() {
        return added.count();
    }

    public double emitted() {
        return written.count();
    }
}
