package io.inferscale.collector.scrape;

import com.sun.management.OperatingSystemMXBean;
import io.inferscale.collector.adapter.scrape.HttpScraper;
import io.inferscale.collector.adapter.scrape.ScrapeLoop;
import io.inferscale.collector.adapter.scrape.ScrapeMetrics;
import io.inferscale.collector.adapter.scrape.ScrapeObserver;
import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.TargetState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Can one collector instance scrape 1,000 targets every 5 s? Serves N fake vLLM targets (one
 * Reactor Netty server per loopback port, in a child JVM so its CPU is not counted) and runs the
 * production {@link ScrapeLoop} with {@link HttpScraper} against them, then reports per cycle how
 * long it took to scrape every target, the per-scrape latency from its due time, failures, and the
 * collector JVM's CPU. Snapshots go to a counting sink: the Kafka send is a hand-off to the
 * publisher thread in the service and is not measured here. Run (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -q -pl metrics-collector test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -cp %classpath io.inferscale.collector.scrape.ScrapeBenchmark"
 * </pre>
 *
 * {@code --parse-only 4000} times the domain alone (no HTTP). Options: {@code --targets 1000
 * --interval 5s --cycles 12 --warmup 6 --jitter 1.0 --timeout 2s --concurrency 64 --workers 2};
 * {@code --jitter 0} scrapes all targets at once each cycle, the worst case.
 */
public final class ScrapeBenchmark {
    private static final String MODEL = "bench-model";
    private static final int VARIANTS = 200;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        if (a.containsKey("serve")) {
            serve(Integer.parseInt(a.get("serve")));
            return;
        }
        if (a.containsKey("parse-only")) {
            parseOnly(Integer.parseInt(a.get("parse-only")));
            return;
        }
        int targets = Integer.parseInt(a.getOrDefault("targets", "1000"));
        Process server = fork(targets);
        try {
            List<Integer> ports = readPorts(server);
            run(a, ports);
        } finally {
            server.destroy();
        }
    }

    // --- the fake targets (child JVM) ---

    private static void serve(int targets) throws IOException {
        // Pre-rendered, so that serving costs the target JVM next to nothing and the machine's CPU
        // goes to the collector. Scrape n of a target gets page n; after the last page the
        // counters start over, which the collector reads as a restart (a counter reset).
        byte[][] pages = new byte[VARIANTS][];
        for (int i = 0; i < VARIANTS; i++) {
            pages[i] = FakeVllmMetrics.render(MODEL, i + 1).getBytes(StandardCharsets.UTF_8);
        }
        List<DisposableServer> servers = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            AtomicLong scrapes = new AtomicLong();
            DisposableServer s =
                    HttpServer.create()
                            .host("127.0.0.1")
                            .port(0)
                            .handle(
                                    (req, res) ->
                                            res.header("content-type", "text/plain; version=0.0.4")
                                                    .sendByteArray(
                                                            Mono.just(
                                                                    pages[
                                                                            (int)
                                                                                    (scrapes
                                                                                                    .getAndIncrement()
                                                                                            % VARIANTS)]))
                                                    .then())
                            .bindNow(Duration.ofSeconds(10));
            servers.add(s);
        }
        System.out.println(
                "PORTS "
                        + servers.stream()
                                .map(s -> String.valueOf(s.port()))
                                .collect(Collectors.joining(",")));
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the parent closes our stdin (or dies)
        }
        servers.forEach(DisposableServer::disposeNow);
    }

    private static Process fork(int targets) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ScrapeBenchmark.class.getName(),
                        "--serve",
                        String.valueOf(targets))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static List<Integer> readPorts(Process server) throws IOException {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORTS ")) {
                return Arrays.stream(line.substring(6).split(",")).map(Integer::valueOf).toList();
            }
        }
        throw new IllegalStateException("target server exited before listing its ports");
    }

    /** CPU per page of the domain alone: parse, vLLM adapter, histogram deltas, target state. */
    private static void parseOnly(int pages) {
        String[] texts = new String[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            texts[i] = FakeVllmMetrics.render(MODEL, i + 1);
        }
        ScrapeTarget target =
                ScrapeTarget.of(
                        MODEL, "replica-0", "http://127.0.0.1:1", "vllm", Map.of(), "/metrics");
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            TargetState state = TargetState.initial(target, Instant.now());
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pages; i++) {
                state =
                        state.afterScrape(
                                Instant.now(),
                                io.inferscale.collector.domain.scrape.PrometheusTextParser.parse(
                                        texts[i % VARIANTS]));
            }
            System.out.printf(
                    "round %d: %.0f us CPU per %d-byte page (parse + vLLM adapter + state)%n",
                    round,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / pages,
                    texts[0].length());
        }
    }

    // --- the collector under test (this JVM) ---

    private static void run(Map<String, String> a, List<Integer> ports) throws Exception {
        Duration interval = duration(a.getOrDefault("interval", "5s"));
        Duration timeout = duration(a.getOrDefault("timeout", "2s"));
        int cycles = Integer.parseInt(a.getOrDefault("cycles", "12"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "6"));
        double jitter = Double.parseDouble(a.getOrDefault("jitter", "1.0"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "64"));
        int workerThreads = Integer.parseInt(a.getOrDefault("workers", "2"));

        List<ScrapeTarget> targets = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            targets.add(
                    ScrapeTarget.of(
                            MODEL,
                            "replica-" + i,
                            "http://127.0.0.1:" + ports.get(i),
                            "vllm",
                            Map.of(),
                            "/metrics"));
        }
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads);
        Recorder recorder =
                new Recorder(new ScrapeMetrics(new SimpleMeterRegistry(), Duration.ofMinutes(1)));
        AtomicLong snapshots = new AtomicLong();
        Clock clock = Clock.systemUTC();
        ScrapeLoop loop =
                new ScrapeLoop(
                        () -> targets,
                        new HttpScraper(workers, timeout, 4 << 20),
                        s -> snapshots.incrementAndGet(),
                        recorder,
                        workers,
                        clock,
                        "bench",
                        interval,
                        jitter,
                        concurrency,
                        Duration.ofMillis(Math.max(10, Math.min(100, interval.toMillis() / 20))));
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        loop.start();
        long intervalNanos = interval.toNanos();
        // Measure whole cycles: from the first interval boundary after the warm-up.
        long nowNanos = toNanos(clock.instant());
        long firstCycle = Math.floorDiv(nowNanos, intervalNanos) + 1 + warmup;
        sleepUntil(firstCycle * intervalNanos);
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        sleepUntil((firstCycle + cycles) * intervalNanos + timeout.toNanos() + 200_000_000L);
        long cpu1 = os.getProcessCpuTime();
        long wall1 = System.nanoTime();
        loop.close();
        workers.shutdownNow();

        report(
                recorder,
                targets.size(),
                firstCycle,
                cycles,
                interval,
                jitter,
                concurrency,
                workerThreads,
                (cpu1 - cpu0) / (double) (wall1 - wall0),
                snapshots.get());
    }

    private static void report(
            Recorder recorder,
            int targets,
            long firstCycle,
            int cycles,
            Duration interval,
            double jitter,
            int concurrency,
            int workerThreads,
            double cpuCores,
            long snapshots) {
        long intervalNanos = interval.toNanos();
        Map<Long, List<long[]>> byCycle = new TreeMap<>();
        for (long[] r : recorder.records) {
            long cycle = Math.floorDiv(r[0], intervalNanos);
            if (cycle >= firstCycle && cycle < firstCycle + cycles) {
                byCycle.computeIfAbsent(cycle, c -> new ArrayList<>()).add(r);
            }
        }
        List<Double> cycleMs = new ArrayList<>();
        List<Double> latencyMs = new ArrayList<>();
        List<Double> waitMs = new ArrayList<>();
        List<Double> exchangeMs = new ArrayList<>();
        long ok = 0;
        long failed = 0;
        int minComplete = Integer.MAX_VALUE;
        long late = 0;
        for (Map.Entry<Long, List<long[]>> e : byCycle.entrySet()) {
            long start = e.getKey() * intervalNanos;
            long last = 0;
            for (long[] r : e.getValue()) {
                last = Math.max(last, r[1]);
                double lat = (r[1] - r[0]) / 1e6;
                latencyMs.add(lat);
                waitMs.add(Math.max(0, r[3]) / 1e6);
                exchangeMs.add(r[4] / 1e6);
                if (r[1] - r[0] >= intervalNanos) {
                    late++;
                }
                if (r[2] == 1) {
                    ok++;
                } else {
                    failed++;
                }
            }
            cycleMs.add((last - start) / 1e6);
            minComplete = Math.min(minComplete, e.getValue().size());
        }
        System.out.printf(
                "targets=%d interval=%s jitter=%.2f concurrency=%d workers=%d cycles=%d%n",
                targets, interval, jitter, concurrency, workerThreads, byCycle.size());
        System.out.printf(
                "scrapes ok=%d failed=%d snapshots=%d; fewest scrapes in one cycle=%d of %d; finished a full interval or more after due=%d%n",
                ok, failed, snapshots, minComplete, targets, late);
        System.out.printf(
                "cycle time (cycle start to last scrape done) ms: p50=%.0f p99=%.0f max=%.0f%n",
                pct(cycleMs, 0.5), pct(cycleMs, 0.99), pct(cycleMs, 1.0));
        System.out.printf(
                "scrape latency (due to done) ms: p50=%.1f p99=%.1f max=%.1f%n",
                pct(latencyMs, 0.5), pct(latencyMs, 0.99), pct(latencyMs, 1.0));
        System.out.printf(
                "  of which start delay (due to sent: tick and free slot) ms: p50=%.1f p99=%.1f; exchange and parse (sent to done) ms: p50=%.1f p99=%.1f%n",
                pct(waitMs, 0.5), pct(waitMs, 0.99), pct(exchangeMs, 0.5), pct(exchangeMs, 0.99));
        System.out.printf(
                "collector CPU: %.2f cores (%.0f%% of one core, %.0f%% of this machine's %d)%n",
                cpuCores,
                cpuCores * 100,
                cpuCores * 100 / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        boolean pass =
                failed == 0 && late == 0 && minComplete == targets && byCycle.size() == cycles;
        System.out.println(
                pass ? "RESULT: every target scraped within every interval" : "RESULT: FAILED");
    }

    private static double pct(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /**
     * Records (due, done, ok) per scrape as epoch nanoseconds, then hands on to the real metrics.
     */
    private static final class Recorder implements ScrapeObserver {
        final ConcurrentLinkedQueue<long[]> records = new ConcurrentLinkedQueue<>();
        final ScrapeObserver delegate;

        Recorder(ScrapeObserver delegate) {
            this.delegate = delegate;
        }

        @Override
        public void scraped(
                ScrapeTarget target,
                Instant due,
                Instant started,
                long durationNanos,
                TargetState state,
                Exposition exposition) {
            records.add(
                    new long[] {
                        toNanos(due),
                        toNanos(state.lastScrapeAt()),
                        state.healthy() ? 1 : 0,
                        toNanos(started) - toNanos(due),
                        durationNanos
                    });
            delegate.scraped(target, due, started, durationNanos, state, exposition);
        }

        @Override
        public void overrun(ScrapeTarget target) {
            delegate.overrun(target);
        }
    }

    private static long toNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static void sleepUntil(long epochNanos) throws InterruptedException {
        long wait = (epochNanos - toNanos(Instant.now())) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}. */
    private static Duration duration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        return Duration.parse("PT" + s.toUpperCase(java.util.Locale.ROOT));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
