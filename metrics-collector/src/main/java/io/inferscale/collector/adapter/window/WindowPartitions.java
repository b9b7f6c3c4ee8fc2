package io.inferscale.collector.adapter.window;

import io.inferscale.collector.domain.window.ClosedWindow;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.contracts.RequestTelemetry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window state of the partitions this consumer owns, one engine per partition, and what happens
 * when ownership changes. Runs on the consumer thread only (rebalance callbacks included), so
 * nothing here is locked.
 *
 * <p>Recovery: each commit stores the partition's watermark beside its offset. A new owner reads
 * it, seeks back by timestamp to {@code watermark - openSpan - replayLead} and re-reads from there
 * with the horizon at {@code watermark - openSpan}: every window the old owner had not closed is
 * rebuilt complete, and windows it had closed are not emitted again from partial data.
 */
final class WindowPartitions implements ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(WindowPartitions.class);
    private static final long LOG_EVERY_MS = 60_000;

    /** Beyond this many unwritten windows the oldest are dropped (and counted) to bound memory. */
    static final int MAX_PENDING = 200_000;

    private final Consumer<String, RequestTelemetry> consumer;
    private final WindowSettings settings;
    private final ClosedWindowSink sink;
    private final Clock clock;
    private final long watermarkDelayMs;
    private final long commitIntervalMs;
    private final WindowMetrics metrics;
    private final Map<TopicPartition, DemandWindows> engines = new HashMap<>();
    private final Map<TopicPartition, Long> committedWatermarks = new HashMap<>();
    private final List<ClosedWindow> pending = new ArrayList<>();
    private long lastCommit;
    private long lastSkipLog;
    private long lastSinkLog;
    private long lastCommitLog;

    WindowPartitions(
            Consumer<String, RequestTelemetry> consumer,
            WindowProperties properties,
            ClosedWindowSink sink,
            Clock clock,
            WindowMetrics metrics) {
        this.consumer = consumer;
        this.settings = properties.settings();
        this.sink = sink;
        this.clock = clock;
        this.watermarkDelayMs = properties.watermarkDelay().toMillis();
        this.commitIntervalMs = properties.commitInterval().toMillis();
        this.metrics = metrics;
    }

    /** Adds a poll's records to their partitions' windows. */
    void add(ConsumerRecords<String, RequestTelemetry> records) {
        long now = clock.millis();
        int added = 0;
        int skipped = 0;
        for (ConsumerRecord<String, RequestTelemetry> r : records) {
            DemandWindows engine = engines.get(new TopicPartition(r.topic(), r.partition()));
            if (engine == null) {
                continue;
            }
            RequestTelemetry t = r.value();
            if (t != null) {
                // A producer clock ahead of ours must not drag the watermark into the future.
                engine.add(t, r.timestamp() >= 0 ? Math.min(r.timestamp(), now) : now);
                added++;
            } else {
                skipped++;
            }
        }
        metrics.recordsAdded(added);
        if (skipped > 0) {
            metrics.recordsSkipped(skipped);
            if (now - lastSkipLog > LOG_EVERY_MS) {
                lastSkipLog = now;
                log.warn(
                        "demand windows: skipped {} undecodable telemetry records (the raw-storage"
                                + " listener dead-letters them)",
                        skipped);
            }
        }
    }

    /**
     * Closes what is due and writes it. A partition whose input is drained closes by the wall
     * clock; one with a backlog closes only as its records advance, so a lagging consumer never
     * calls records late that were on time when they reached the log.
     */
    void closeDue() {
        long now = clock.millis();
        long lag = 0;
        long oldest = Long.MAX_VALUE;
        int open = 0;
        for (Map.Entry<TopicPartition, DemandWindows> e : engines.entrySet()) {
            DemandWindows engine = e.getValue();
            OptionalLong partitionLag = consumer.currentLag(e.getKey());
            if (partitionLag.isPresent()) {
                lag += partitionLag.getAsLong();
                if (partitionLag.getAsLong() == 0) {
                    engine.advanceTo(now - watermarkDelayMs);
                }
            }
            pending.addAll(engine.drainClosed());
            if (engine.watermark() != Long.MIN_VALUE) {
                oldest = Math.min(oldest, engine.watermark());
            }
            open += engine.openWindows();
        }
        metrics.observe(lag, oldest == Long.MAX_VALUE ? 0 : now - oldest, open, pending.size());
        flush(now);
    }

    /** Commits offsets with watermarks, but never past windows not yet written. */
    void commitIfDue() {
        long now = clock.millis();
        if (now - lastCommit < commitIntervalMs || !pending.isEmpty() || engines.isEmpty()) {
            return;
        }
        lastCommit = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = offsets(engines.keySet());
        consumer.commitAsync(
                offsets,
                (done, error) -> {
                    // Fails during every rebalance; the next interval commits a later watermark.
                    if (error != null && now - lastCommitLog > LOG_EVERY_MS) {
                        lastCommitLog = now;
                        log.warn("demand windows: commit failed, retrying: {}", error.toString());
                    }
                });
    }

    Set<Integer> partitions() {
        Set<Integer> out = new TreeSet<>();
        engines.keySet().forEach(tp -> out.add(tp.partition()));
        return out;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        if (revoked.isEmpty()) {
            return;
        }
        for (TopicPartition tp : revoked) {
            DemandWindows engine = engines.get(tp);
            if (engine != null) {
                pending.addAll(engine.drainClosed());
            }
        }
        if (flush(clock.millis())) {
            Set<TopicPartition> owned = new HashSet<>(revoked);
            owned.retainAll(engines.keySet());
            try {
                consumer.commitSync(offsets(owned));
            } catch (RuntimeException e) {
                log.warn("demand windows: commit on revocation failed: {}", e.toString());
            }
        }
        drop(revoked);
        log.info("demand windows: revoked {}, own {}", revoked, partitions());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        drop(lost);
        log.info("demand windows: lost {}, own {}", lost, partitions());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        long now = clock.millis();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
        Map<TopicPartition, Long> seekTimes = new HashMap<>();
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata c = committed.get(tp);
            OptionalLong watermark = CommittedWatermark.decode(c == null ? null : c.metadata());
            // No watermark yet: a new group starts with the windows still open now.
            long from = watermark.orElse(now);
            long horizon = from - settings.openSpan().toMillis();
            engines.put(tp, new DemandWindows(settings, Instant.ofEpochMilli(horizon)));
            watermark.ifPresent(w -> committedWatermarks.put(tp, w));
            seekTimes.put(tp, Math.max(0, horizon - settings.replayLead().toMillis()));
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(seekTimes);
        for (TopicPartition tp : assigned) {
            OffsetAndTimestamp at = offsets.get(tp);
            if (at != null) {
                consumer.seek(tp, at.offset());
            } else {
                consumer.seekToEnd(List.of(tp));
            }
        }
        Map<Integer, Instant> from = new TreeMap<>();
        seekTimes.forEach((tp, t) -> from.put(tp.partition(), Instant.ofEpochMilli(t)));
        log.info(
                "demand windows: assigned {}, re-reading from {}; own {}",
                assigned,
                from,
                partitions());
    }

    private Map<TopicPartition, OffsetAndMetadata> offsets(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long watermark =
                    Math.max(
                            engines.get(tp).watermark(),
                            committedWatermarks.getOrDefault(tp, Long.MIN_VALUE));
            if (watermark == Long.MIN_VALUE) {
                continue; // nothing seen and nothing committed: keep whatever is there
            }
            committedWatermarks.put(tp, watermark);
            offsets.put(
                    tp,
                    new OffsetAndMetadata(
                            consumer.position(tp), CommittedWatermark.encode(watermark)));
        }
        return offsets;
    }

    /** Writes pending windows; true when none are left. */
    private boolean flush(long now) {
        if (pending.isEmpty()) {
            return true;
        }
        try {
            sink.write(pending);
            metrics.windowsWritten(pending.size());
            pending.clear();
            return true;
        } catch (RuntimeException e) {
            metrics.sinkFailed();
            if (now - lastSinkLog > LOG_EVERY_MS) {
                lastSinkLog = now;
                log.error(
                        "demand windows: writing {} windows failed, will retry: {}",
                        pending.size(),
                        e.toString());
            }
            if (pending.size() > MAX_PENDING) {
                int excess = pending.size() - MAX_PENDING;
                pending.subList(0, excess).clear();
                metrics.windowsDropped(excess);
                log.error(
                        "demand windows: dropped the {} oldest unwritten windows to bound memory",
                        excess);
            }
            return false;
        }
    }

    private void drop(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            engines.remove(tp);
            committedWatermarks.remove(tp);
        }
    }
}
