package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.OncePerInterval;
import io.inferscale.contracts.ReplicaSnapshot;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes snapshots to {@code telemetry.replicas} from one thread behind a bounded buffer. A
 * Kafka send can block (metadata, a full producer buffer) and the scrape workers must not: when the
 * broker is away, snapshots beyond the buffer are dropped and counted, and scraping goes on.
 */
public final class KafkaSnapshotSink implements SnapshotSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaSnapshotSink.class);

    private final EventPublisher publisher;
    private final ThreadPoolExecutor executor;
    private final Counter failed;
    private final OncePerInterval failureLog = new OncePerInterval(Duration.ofMinutes(1));
    private final Clock clock;

    public KafkaSnapshotSink(
            EventPublisher publisher, int buffer, MeterRegistry meters, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
        Counter dropped = meters.counter("inferscale.collector.scrape.snapshots.dropped");
        this.failed = meters.counter("inferscale.collector.scrape.snapshots.failed");
        this.executor =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(buffer),
                        r -> {
                            Thread t = new Thread(r, "scrape-publish");
                            t.setDaemon(true);
                            return t;
                        },
                        (r, ex) -> dropped.increment());
    }

    @Override
    public void publish(ReplicaSnapshot snapshot) {
        executor.execute(
                () -> {
                    try {
                        publisher
                                .publish(Topics.TELEMETRY_REPLICAS, snapshot)
                                .whenComplete(
                                        (result, failure) -> {
                                            if (failure != null) {
                                                failed(failure);
                                            }
                                        });
                    } catch (RuntimeException e) {
                        failed(e);
                    }
                });
    }

    private void failed(Throwable failure) {
        failed.increment();
        if (failureLog.tryAcquire("publish", clock.instant())) {
            log.warn("publishing replica snapshots failed: {}", failure.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
