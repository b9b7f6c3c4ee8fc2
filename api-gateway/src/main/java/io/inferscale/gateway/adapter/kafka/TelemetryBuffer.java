package io.inferscale.gateway.adapter.kafka;

import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.gateway.GatewayProperties;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Decouples the request path from Kafka: requests only {@link #offer} into a bounded queue (never
 * blocking); one sender thread drains it in batches into the producer, which may block when the
 * broker is away. When the queue is full the event is dropped and counted, so a Kafka outage costs
 * telemetry, never latency.
 */
@Component
public class TelemetryBuffer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TelemetryBuffer.class);
    private static final int BATCH = 1000;

    private final BlockingQueue<RequestTelemetry> queue;
    private final EventPublisher publisher;
    private final Counter dropped;
    private final Counter sent;
    private final Counter failed;
    private volatile Thread sender;
    private volatile boolean running;

    public TelemetryBuffer(
            EventPublisher publisher, GatewayProperties properties, MeterRegistry meters) {
        this.publisher = publisher;
        this.queue = new ArrayBlockingQueue<>(properties.telemetryBuffer());
        this.dropped = meters.counter("inferscale.gateway.telemetry.dropped");
        this.sent = meters.counter("inferscale.gateway.telemetry.sent");
        this.failed = meters.counter("inferscale.gateway.telemetry.failed");
        meters.gaugeCollectionSize("inferscale.gateway.telemetry.queued", List.of(), queue);
    }

    public void offer(RequestTelemetry event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::drainLoop, "telemetry-sender");
        t.setDaemon(true);
        t.start();
        sender = t;
    }

    @Override
    public void stop() {
        running = false;
        Thread t = sender;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void drainLoop() {
        List<RequestTelemetry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                RequestTelemetry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (RequestTelemetry event : batch) {
                    publisher
                            .publish(Topics.TELEMETRY_REQUESTS, event)
                            .whenComplete(
                                    (ok, error) -> (error == null ? sent : failed).increment());
                }
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    batch.forEach(event -> publisher.publish(Topics.TELEMETRY_REQUESTS, event));
                    return;
                }
            } catch (RuntimeException e) {
                failed.increment(batch.size());
                log.warn("telemetry send failed for {} events: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }
}
