package io.inferscale.collector.adapter.window;

import io.inferscale.collector.domain.window.ClosedWindow;
import java.util.List;

/**
 * Where closed windows go. Writes must be idempotent: after a restart or a rebalance the new owner
 * writes the windows it rebuilt again. A write that throws is retried with the same windows, and
 * the consumer does not commit its watermark past them until one succeeds.
 */
public interface ClosedWindowSink {
    void write(List<ClosedWindow> windows);
}
