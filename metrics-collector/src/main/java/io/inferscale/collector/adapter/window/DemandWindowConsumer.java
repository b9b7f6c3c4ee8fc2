package io.inferscale.collector.adapter.window;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Reads {@code telemetry.requests} in its own consumer group and turns it into demand windows. One
 * thread does everything (poll, window, close, write, commit), so the window state needs no locks
 * and the rebalance callbacks see it consistent. Instances in the same group split the partitions,
 * and with them the models, so no model is counted by two instances.
 *
 * <p>A plain consumer rather than a listener container: recovery needs to seek by time on
 * assignment, read lag per partition and commit offsets with metadata, all on the polling thread.
 * Undecodable records are counted and skipped here; the raw-storage listener, which reads the same
 * topic in its own group, dead-letters them.
 */
public class DemandWindowConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DemandWindowConsumer.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Map<String, Object> kafka;
    private final EventCodec codec;
    private final WindowProperties properties;
    private final ClosedWindowSink sink;
    private final Clock clock;
    private final WindowMetrics metrics;
    private final String name;
    private volatile boolean running;
    private volatile Consumer<String, RequestTelemetry> consumer;
    private volatile Set<Integer> owned = Set.of();
    private Thread thread;

    /**
     * @param kafka consumer configuration (bootstrap servers, security); group, commits, polling
     *     and deserializers are set here
     */
    public DemandWindowConsumer(
            Map<String, Object> kafka,
            EventCodec codec,
            WindowProperties properties,
            ClosedWindowSink sink,
            Clock clock,
            WindowMetrics metrics,
            String name) {
        this.kafka = Map.copyOf(kafka);
        this.codec = codec;
        this.properties = properties;
        this.sink = sink;
        this.clock = clock;
        this.metrics = metrics;
        this.name = name;
        properties.settings(); // fail at startup on invalid window settings
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, RequestTelemetry> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The partitions this instance owns right now. */
    public Set<Integer> ownedPartitions() {
        return owned;
    }

    public WindowMetrics metrics() {
        return metrics;
    }

    private void loop() {
        while (running) {
            try {
                consume();
            } catch (WakeupException e) {
                // stop() woke the poll; the loop condition ends it
            } catch (RuntimeException e) {
                // The state is rebuilt from the log, so starting over with a new consumer is safe.
                log.error("demand windows: consumer failed, restarting in {}", RETRY_AFTER, e);
                sleep(RETRY_AFTER);
            } finally {
                owned = Set.of();
            }
        }
    }

    private void consume() {
        try (Consumer<String, RequestTelemetry> c =
                new KafkaConsumer<>(
                        config(),
                        new StringDeserializer(),
                        // An undecodable record becomes a null value instead of a stuck partition.
                        new ErrorHandlingDeserializer<>(new TelemetryDeserializer(codec)))) {
            consumer = c;
            WindowPartitions partitions = new WindowPartitions(c, properties, sink, clock, metrics);
            c.subscribe(List.of(Topics.TELEMETRY_REQUESTS.name()), partitions);
            while (running) {
                ConsumerRecords<String, RequestTelemetry> records =
                        c.poll(properties.pollTimeout());
                partitions.add(records);
                partitions.closeDue();
                partitions.commitIfDue();
                owned = partitions.partitions();
            }
        } finally {
            consumer = null;
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.maxPollRecords()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Cooperative rebalancing: adding an instance moves only the partitions it takes over.
        p.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        return p;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
