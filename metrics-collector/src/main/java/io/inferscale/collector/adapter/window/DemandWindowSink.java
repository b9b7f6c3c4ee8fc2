package io.inferscale.collector.adapter.window;

import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.collector.domain.window.WindowTotals;
import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.Topics;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every closed window to {@code demand} and upserts the minute windows into the rollup
 * tables. Returns only once the broker has acknowledged the events, because the consumer commits
 * its watermark right after, and a committed watermark promises those windows are out.
 */
public class DemandWindowSink implements ClosedWindowSink {
    private final EventPublisher publisher;
    private final RollupRepository rollups;
    private final String producer;
    private final Duration sendTimeout;

    public DemandWindowSink(
            EventPublisher publisher,
            RollupRepository rollups,
            ServiceIdentity identity,
            Duration sendTimeout) {
        this.publisher = publisher;
        this.rollups = rollups;
        this.producer = identity.producer();
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void write(List<ClosedWindow> windows) {
        CompletableFuture<?>[] sent =
                windows.stream()
                        .map(w -> publisher.publish(Topics.DEMAND, event(w, producer)))
                        .toArray(CompletableFuture[]::new);
        List<ClosedWindow> minutes =
                windows.stream()
                        .filter(w -> w.seconds() == WindowSettings.ROLLUP.toSeconds())
                        .toList();
        if (!minutes.isEmpty()) {
            rollups.upsert(minutes);
        }
        try {
            CompletableFuture.allOf(sent).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing demand windows", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing demand windows failed: " + e, e);
        }
    }

    /**
     * The event id is derived from the window's identity, so a window re-emitted by a new owner is
     * recognisably the same event to consumers that de-duplicate by id.
     */
    static DemandWindow event(ClosedWindow w, String producer) {
        String id =
                UUID.nameUUIDFromBytes(
                                (w.model() + '\u0000' + w.seconds() + '\u0000' + w.start())
                                        .getBytes(StandardCharsets.UTF_8))
                        .toString();
        WindowTotals t = w.totals();
        return new DemandWindow(
                new EventMeta(DemandWindow.SCHEMA_VERSION, id, producer, w.end()),
                w.model(),
                w.start(),
                w.seconds(),
                t.arrivals(),
                t.completions(),
                t.errors(),
                t.promptTokens(),
                t.outputTokens(),
                t.latencyMs(),
                t.ttftMs(),
                t.inFlight(),
                t.lateRecords());
    }
}
