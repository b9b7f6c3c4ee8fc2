package io.inferscale.collector.window;

import com.zaxxer.hikari.HikariDataSource;
import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.collector.adapter.window.DemandWindowConsumer;
import io.inferscale.collector.adapter.window.DemandWindowSink;
import io.inferscale.collector.adapter.window.TelemetryDeserializer;
import io.inferscale.collector.adapter.window.WindowMetrics;
import io.inferscale.collector.adapter.window.WindowProperties;
import io.inferscale.collector.domain.window.DemandWindows;
import io.inferscale.collector.domain.window.WindowSettings;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.kafka.EventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast one collector instance turns gateway telemetry into demand windows. Three stages, all
 * through production code:
 *
 * <ol>
 *   <li>{@code engine}: JSON decode (the consumer's {@link TelemetryDeserializer}) plus {@link
 *       DemandWindows#add}, one thread, no Kafka;
 *   <li>{@code backlog}: a backlog on a real (embedded KRaft) broker read by the production {@link
 *       DemandWindowConsumer}: its ceiling, records/s;
 *   <li>{@code live}: a producer at a fixed rate while the consumer runs, with the consumer lag
 *       sampled every second.
 * </ol>
 *
 * Windows go to the {@code demand} topic and minute rollups to PostgreSQL, as in the service. Run:
 *
 * <pre>
 * mvn -B -q -o -pl metrics-collector test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp metrics-collector/target/test-classes:metrics-collector/target/classes:$(cat metrics-collector/target/bench.cp) \
 *     io.inferscale.collector.window.DemandWindowBenchmark rate=100000 seconds=30 models=50 backlog=2000000
 * </pre>
 *
 * {@code db=} overrides the JDBC URL (default the local {@code inferscale_test} database).
 */
public final class DemandWindowBenchmark {
    private final Map<String, String> args;
    private final EventCodec codec = new EventCodec();
    private final int models;
    private final String[] modelNames;

    private DemandWindowBenchmark(Map<String, String> args) {
        this.args = args;
        this.models = intArg("models", 50);
        this.modelNames = new String[models];
        for (int i = 0; i < models; i++) {
            modelNames[i] = "bench-model-" + i;
        }
    }

    public static void main(String[] argv) throws Exception {
        ((ch.qos.logback.classic.Logger)
                        org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new DemandWindowBenchmark(args).run();
    }

    private void run() throws Exception {
        System.out.printf(
                "cores=%d maxHeap=%dMB models=%d%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                models);
        if (intArg("engine", 500_000) > 0) {
            engine(intArg("engine", 500_000));
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS);
        broker.afterPropertiesSet();
        try {
            createTopics(broker.getBrokersAsString());
            if (intArg("backlog", 2_000_000) > 0) {
                backlog(broker.getBrokersAsString(), intArg("backlog", 2_000_000));
            }
            if (intArg("seconds", 30) > 0) {
                live(broker.getBrokersAsString(), intArg("rate", 100_000), intArg("seconds", 30));
            }
        } finally {
            broker.destroy();
        }
    }

    /** Stage 1: decode + window on one thread. */
    private void engine(int n) {
        byte[][] encoded = new byte[n][];
        long[] arrival = new long[n];
        long t0 = System.currentTimeMillis() - 60_000;
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            long end = t0 + i / 100; // 100 records per ms: 100k/s of event time
            encoded[i] = codec.encode(telemetry(rnd, Instant.ofEpochMilli(end)));
            arrival[i] = end + 2;
        }
        TelemetryDeserializer decoder = new TelemetryDeserializer(codec);
        for (int round = 1; round <= 4; round++) {
            DemandWindows engine =
                    new DemandWindows(
                            WindowSettings.defaults(), Instant.ofEpochMilli(t0 - 3_600_000));
            long windows = 0;
            long cpu0 =
                    java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.add(
                        decoder.deserialize(Topics.TELEMETRY_REQUESTS.name(), encoded[i]),
                        arrival[i]);
                windows += engine.drainClosed().size();
            }
            double s = (System.nanoTime() - start) / 1e9;
            double cpu =
                    (java.lang.management.ManagementFactory.getThreadMXBean()
                                            .getCurrentThreadCpuTime()
                                    - cpu0)
                            / 1e9;
            System.out.printf(
                    "engine round %d: %,d records decoded + windowed in %.2f s = %,.0f records/s;"
                            + " %,.0f records per CPU-second (%,d windows closed, %d open; load %.1f)%n",
                    round, n, s, n / s, n / cpu, windows, engine.openWindows(), load());
        }
    }

    /** Stage 2: a backlog read by the production consumer. */
    private void backlog(String brokers, int n) throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
            SplittableRandom rnd = new SplittableRandom(2);
            for (int i = 0; i < n; i++) {
                send(producer, rnd, Instant.now());
            }
            producer.flush();
        }
        System.out.printf(
                "backlog: produced %,d records in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        WindowMetrics metrics = new WindowMetrics(new SimpleMeterRegistry());
        DemandWindowConsumer consumer = consumer(brokers, "bench-backlog", metrics);
        double cpu0 = cpuSeconds("bench-backlog");
        long began = System.nanoTime();
        consumer.start();
        try {
            while (metrics.added() < n) {
                Thread.sleep(100);
                if (System.nanoTime() - began > Duration.ofMinutes(5).toNanos()) {
                    break;
                }
            }
            double s = (System.nanoTime() - began) / 1e9;
            double cpu = cpuSeconds("bench-backlog") - cpu0;
            System.out.printf(
                    "backlog: consumed %,.0f records in %.1f s = %,.0f records/s (incl. group join and seek);"
                            + " consumer thread %.1f CPU-s = %,.0f records per CPU-second; %,.0f windows emitted;"
                            + " load %.1f%n",
                    metrics.added(),
                    s,
                    metrics.added() / s,
                    cpu,
                    metrics.added() / cpu,
                    metrics.emitted(),
                    load());
        } finally {
            consumer.stop();
        }
    }

    /** Stage 3: a steady producer and the consumer side by side, lag sampled each second. */
    private void live(String brokers, int rate, int seconds) throws Exception {
        WindowMetrics metrics = new WindowMetrics(new SimpleMeterRegistry());
        DemandWindowConsumer consumer = consumer(brokers, "bench-live", metrics);
        consumer.start();
        // A new group re-reads the last openSpan of the topic first (the backlog); start when
        // caught up.
        long caughtUpSince = 0;
        while (caughtUpSince == 0 || System.nanoTime() - caughtUpSince < 2_000_000_000L) {
            Thread.sleep(50);
            boolean caughtUp =
                    consumer.ownedPartitions().size() == Topics.PARTITIONS && metrics.lag() == 0;
            caughtUpSince = caughtUp ? (caughtUpSince == 0 ? System.nanoTime() : caughtUpSince) : 0;
        }
        double consumedBefore;
        double consumerCpu0;
        double processCpu0;
        AtomicLong produced = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        TelemetryTemplates templates = new TelemetryTemplates(20_000, modelNames, 3);
        Thread producerThread =
                new Thread(
                        () -> {
                            try (KafkaProducer<String, byte[]> producer = producer(brokers)) {
                                long begin = System.nanoTime();
                                int next = 0;
                                while (producing.get()) {
                                    long due = (System.nanoTime() - begin) * rate / 1_000_000_000L;
                                    long now = System.currentTimeMillis();
                                    while (produced.get() < due) {
                                        int i = next++ % templates.size();
                                        producer.send(
                                                new ProducerRecord<>(
                                                        Topics.TELEMETRY_REQUESTS.name(),
                                                        templates.model(i),
                                                        templates.stamp(i, now)));
                                        produced.incrementAndGet();
                                    }
                                    // Sleep, not spin: the producer shares two cores with the
                                    // broker and the consumer under test.
                                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                                }
                            }
                        },
                        "bench-producer");
        producerThread.start();
        int warmup = intArg("warmup", 5);
        System.out.printf("live: warming up for %d s at %,d/s%n", warmup, rate);
        Thread.sleep(warmup * 1000L);
        long began = System.nanoTime();
        long producedBefore = produced.get();
        consumedBefore = metrics.added();
        consumerCpu0 = cpuSeconds("bench-live");
        processCpu0 = processCpuSeconds();
        List<Long> lags = new ArrayList<>();
        System.out.println("  t(s)   produced/s   consumed/s   lag(records)");
        double lastConsumed = consumedBefore;
        long lastProduced = producedBefore;
        for (int t = 1; t <= seconds; t++) {
            Thread.sleep(
                    Math.max(0, began / 1_000_000 + t * 1000L - System.nanoTime() / 1_000_000));
            long p = produced.get();
            double c = metrics.added();
            lags.add(metrics.lag());
            System.out.printf(
                    "  %4d %12d %12.0f %14d%n",
                    t, p - lastProduced, c - lastConsumed, metrics.lag());
            lastProduced = p;
            lastConsumed = c;
        }
        producing.set(false);
        producerThread.join();
        double producedSeconds = (System.nanoTime() - began) / 1e9;
        long drainStart = System.nanoTime();
        long total = produced.get() - producedBefore;
        while (metrics.added() - consumedBefore < total
                && System.nanoTime() - drainStart < Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(20);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        double consumerCpu = cpuSeconds("bench-live") - consumerCpu0;
        double processCpu = processCpuSeconds() - processCpu0;
        consumer.stop();
        long maxLag = lags.stream().mapToLong(Long::longValue).max().orElse(0);
        double meanLag = lags.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf(
                "live: target %,d/s; produced %,d in %.1f s = %,.0f/s; consumed %,.0f; lag mean %,.0f max %,d records"
                        + " (%.0f ms at the produced rate); drained %.2f s after the producer stopped;"
                        + " consumer thread %.1f CPU-s = %,.0f records per CPU-second; whole JVM (broker,"
                        + " producer, consumer) %.1f CPU-s over %.1f s; load %.1f%n",
                rate,
                total,
                producedSeconds,
                total / producedSeconds,
                metrics.added() - consumedBefore,
                meanLag,
                maxLag,
                maxLag * 1000.0 / Math.max(1, total / producedSeconds),
                drain,
                consumerCpu,
                (metrics.added() - consumedBefore) / consumerCpu,
                processCpu,
                producedSeconds + drain,
                load());
    }

    private DemandWindowConsumer consumer(String brokers, String group, WindowMetrics metrics) {
        Map<String, Object> producerProps = producerProps(brokers);
        DefaultKafkaProducerFactory<Object, Object> producers =
                new DefaultKafkaProducerFactory<>(producerProps);
        producers.setKeySerializer(
                (org.apache.kafka.common.serialization.Serializer) new StringSerializer());
        producers.setValueSerializer(
                (org.apache.kafka.common.serialization.Serializer) new EventSerializer(codec));
        WindowProperties properties =
                new WindowProperties(
                        true,
                        WindowSettings.defaults().sizes(),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(1),
                        group,
                        Duration.ofMillis(250),
                        Duration.ofSeconds(5),
                        5000,
                        Duration.ofDays(30));
        DemandWindowSink sink =
                new DemandWindowSink(
                        new EventPublisher(new KafkaTemplate<>(producers)),
                        rollups(),
                        new ServiceIdentity("metrics-collector", "bench"),
                        Duration.ofSeconds(30));
        return new DemandWindowConsumer(
                Map.of("bootstrap.servers", brokers),
                codec,
                properties,
                sink,
                Clock.systemUTC(),
                metrics,
                group);
    }

    private RollupRepository rollups() {
        String url = args.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/inferscale_test");
        // Pooled as in the service (Hikari); a connection per query would add ~30 ms to each.
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("inferscale");
        ds.setMaximumPoolSize(2);
        Flyway.configure().dataSource(ds).schemas("collector").load().migrate();
        return new RollupRepository(
                new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }

    private void createTopics(String brokers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(
                                            Topics.TELEMETRY_REQUESTS.name(),
                                            Topics.PARTITIONS,
                                            (short) 1),
                                    new NewTopic(
                                            Topics.DEMAND.name(), Topics.PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
    }

    /**
     * The gateway's producer settings (service defaults: idempotent, acks=all, lz4, linger 5 ms).
     */
    private static Map<String, Object> producerProps(String brokers) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return p;
    }

    private static KafkaProducer<String, byte[]> producer(String brokers) {
        return new KafkaProducer<>(
                producerProps(brokers), new StringSerializer(), new ByteArraySerializer());
    }

    private void send(KafkaProducer<String, byte[]> producer, SplittableRandom rnd, Instant now) {
        RequestTelemetry t = telemetry(rnd, now);
        producer.send(
                new ProducerRecord<>(Topics.TELEMETRY_REQUESTS.name(), t.model(), codec.encode(t)));
    }

    /** A request like the gateway reports: streamed, with tokens and TTFT, 0.1-8 s long. */
    private RequestTelemetry telemetry(SplittableRandom rnd, Instant finished) {
        String model = modelNames[rnd.nextInt(models)];
        long latencyMs = 100 + (long) (Math.pow(rnd.nextDouble(), 2) * 8000);
        boolean ok = rnd.nextInt(100) != 0;
        return new RequestTelemetry(
                EventMeta.at(RequestTelemetry.SCHEMA_VERSION, "api-gateway@bench:8080", finished),
                model,
                model + "-" + rnd.nextInt(8),
                "gw-" + rnd.nextInt(3),
                "/v1/chat/completions",
                ok ? 200 : 502,
                ok ? RequestOutcome.OK : RequestOutcome.UPSTREAM_ERROR,
                finished.minusMillis(latencyMs),
                latencyMs,
                latencyMs * 0.12,
                rnd.nextInt(4000),
                rnd.nextInt(800),
                rnd.nextDouble() * 20,
                true,
                1,
                "p2c");
    }

    /** CPU seconds used so far by the threads whose name starts with {@code prefix}. */
    private static double cpuSeconds(String prefix) {
        java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                nanos += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(dflt)));
    }
}
