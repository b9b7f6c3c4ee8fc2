package io.inferscale.gateway.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Open-loop load at a constant rate, for bin/inferscale bench-gateway: request i is due at {@code
 * start + i / rate} whatever happened to the earlier ones, and its latency is measured from that
 * due time, not from when it was actually sent. A closed-loop tool (wrk) waits for a response
 * before sending the next request on a connection, so a stall delays the requests that should have
 * been sent during it and they never show up as slow (coordinated omission); here they do. The
 * uncorrected latency (from the actual send) is reported beside it.
 *
 * <p>Prints one line of {@code key=value} pairs (latencies in microseconds), for the script to
 * parse. Lives in the test sources: it is a benchmark tool, not part of the gateway.
 *
 * <pre>
 * OpenLoopLoad --url URL --rate 2000 --duration-s 20 [--warmup-s 5] [--body JSON]
 *              [--header 'name: value']... [--max-connections 512]
 * </pre>
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {}

    record Options(
            String url,
            double rate,
            Duration duration,
            Duration warmup,
            String body,
            List<String[]> headers,
            int maxConnections) {

        static Options parse(String... args) {
            String url = null;
            double rate = 2000;
            Duration duration = Duration.ofSeconds(20);
            Duration warmup = Duration.ofSeconds(5);
            String body = "{}";
            List<String[]> headers = new ArrayList<>();
            int maxConnections = 512;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = v;
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--duration-s" -> duration = Duration.ofMillis(seconds(v));
                    case "--warmup-s" -> warmup = Duration.ofMillis(seconds(v));
                    case "--body" -> body = v;
                    case "--header" -> {
                        int colon = v.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--header needs 'name: value'");
                        }
                        headers.add(
                                new String[] {
                                    v.substring(0, colon).trim(), v.substring(colon + 1).trim()
                                });
                    }
                    case "--max-connections" -> maxConnections = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("missing value for " + args[args.length - 1]);
            }
            if (url == null || !(rate > 0)) {
                throw new IllegalArgumentException("--url and a positive --rate are required");
            }
            return new Options(url, rate, duration, warmup, body, headers, maxConnections);
        }

        private static long seconds(String v) {
            return Math.round(Double.parseDouble(v) * 1000);
        }
    }

    /** What one phase (warm-up or measurement) saw. */
    static final class Phase {
        final Recorder corrected = new Recorder(3_600_000_000L, 3);
        final Recorder uncorrected = new Recorder(3_600_000_000L, 3);
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong outstanding = new AtomicLong();
        final AtomicLong maxOutstanding = new AtomicLong();
        final CountDownLatch done;
        long sent;

        Phase(long requests) {
            this.done = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, requests));
        }

        void started() {
            long now = outstanding.incrementAndGet();
            maxOutstanding.accumulateAndGet(now, Math::max);
        }

        void finished(boolean success, long dueNanos, long sentNanos, long endNanos) {
            outstanding.decrementAndGet();
            (success ? ok : failed).incrementAndGet();
            // nanoseconds in, microseconds recorded: 3 significant digits is plenty
            corrected.recordValue(Math.max(1, (endNanos - dueNanos) / 1_000));
            uncorrected.recordValue(Math.max(1, (endNanos - sentNanos) / 1_000));
            done.countDown();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("OpenLoopLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        ConnectionProvider pool =
                ConnectionProvider.builder("open-loop")
                        .maxConnections(o.maxConnections())
                        .pendingAcquireMaxCount(-1)
                        .pendingAcquireTimeout(Duration.ofSeconds(60))
                        .build();
        HttpClient client =
                HttpClient.create(pool)
                        .headers(
                                h -> {
                                    h.set("content-type", "application/json");
                                    for (String[] kv : o.headers()) {
                                        h.set(kv[0], kv[1]);
                                    }
                                })
                        .responseTimeout(Duration.ofSeconds(30));
        byte[] body = o.body().getBytes(StandardCharsets.UTF_8);
        if (!o.warmup().isZero()) {
            run(client, o, body, o.warmup());
        }
        long t0 = System.nanoTime();
        Phase p = run(client, o, body, o.duration());
        double elapsedS = (System.nanoTime() - t0) / 1e9;
        Histogram c = p.corrected.getIntervalHistogram();
        Histogram u = p.uncorrected.getIntervalHistogram();
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "sent=%d ok=%d failed=%d achieved_rps=%.1f max_outstanding=%d"
                                + " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d"
                                + " raw_p50_us=%d raw_p99_us=%d",
                        p.sent,
                        p.ok.get(),
                        p.failed.get(),
                        (p.ok.get() + p.failed.get()) / elapsedS,
                        p.maxOutstanding.get(),
                        c.getValueAtPercentile(50),
                        c.getValueAtPercentile(90),
                        c.getValueAtPercentile(99),
                        c.getValueAtPercentile(99.9),
                        c.getMaxValue(),
                        u.getValueAtPercentile(50),
                        u.getValueAtPercentile(99)));
        pool.disposeLater().block(Duration.ofSeconds(10));
    }

    /** Sends at the constant rate for {@code length}, then waits (bounded) for the stragglers. */
    static Phase run(HttpClient client, Options o, byte[] body, Duration length)
            throws InterruptedException {
        long periodNanos = Math.round(1e9 / o.rate());
        long count = Math.max(1, length.toNanos() / periodNanos);
        Phase phase = new Phase(count);
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait); // late wake-ups send at once: due time is kept
            }
            send(client, o.url(), body, phase, due);
        }
        phase.sent = count;
        if (!phase.done.await(35, TimeUnit.SECONDS)) {
            System.err.println("OpenLoopLoad: " + phase.done.getCount() + " requests unanswered");
        }
        return phase;
    }

    private static void send(HttpClient client, String url, byte[] body, Phase phase, long due) {
        long sent = System.nanoTime();
        phase.started();
        ByteBuf payload = Unpooled.wrappedBuffer(body);
        client.post()
                .uri(url)
                .send(Mono.just(payload))
                .responseSingle(
                        (res, content) -> {
                            boolean ok = res.status().code() / 100 == 2;
                            return content.asByteArray().map(b -> ok).defaultIfEmpty(ok);
                        })
                .subscribe(
                        success -> phase.finished(success, due, sent, System.nanoTime()),
                        error -> phase.finished(false, due, sent, System.nanoTime()));
    }
}
