package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.ScrapeSchedule;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.TargetState;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ReplicaSnapshot;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes every current target once per interval at its own offset, with at most {@code
 * maxConcurrency} scrapes in flight, and publishes one snapshot per scrape. A failed scrape
 * (timeout, refused, non-2xx, garbage) publishes the target's last good signals marked stale; it
 * never delays or stops another target. Plain Java so the benchmark runs this exact class.
 */
public final class ScrapeLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScrapeLoop.class);

    private final Supplier<? extends Collection<ScrapeTarget>> targets;
    private final Scraper scraper;
    private final SnapshotSink sink;
    private final ScrapeObserver observer;
    private final Executor workers;
    private final Clock clock;
    private final String producer;
    private final Duration interval;
    private final double jitter;
    private final Duration tick;
    private final Semaphore permits;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService ticker;
    private volatile boolean closed;
    private Collection<ScrapeTarget> lastTargets;

    /**
     * @param workers completes scrapes: parses bodies and updates target state
     * @param producer stamped into every snapshot's {@code meta.producer}
     */
    public ScrapeLoop(
            Supplier<? extends Collection<ScrapeTarget>> targets,
            Scraper scraper,
            SnapshotSink sink,
            ScrapeObserver observer,
            Executor workers,
            Clock clock,
            String producer,
            Duration interval,
            double jitter,
            int maxConcurrency,
            Duration tick) {
        this.targets = targets;
        this.scraper = scraper;
        this.sink = sink;
        this.observer = observer;
        this.workers = workers;
        this.clock = clock;
        this.producer = producer;
        this.interval = interval;
        this.jitter = jitter;
        this.tick = tick;
        this.permits = new Semaphore(maxConcurrency);
    }

    /** One target's schedule and state; {@code state} is only written by its own scrape. */
    private static final class Entry {
        final ScrapeTarget target;
        final AtomicBoolean inFlight = new AtomicBoolean();
        volatile TargetState state;
        volatile boolean removed;
        Instant nextDue;
        Instant due;

        Entry(ScrapeTarget target, TargetState state, Instant nextDue) {
            this.target = target;
            this.state = state;
            this.nextDue = nextDue;
        }
    }

    public synchronized void start() {
        if (ticker == null) {
            ticker =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> {
                                Thread t = new Thread(r, "scrape-ticker");
                                t.setDaemon(true);
                                return t;
                            });
            ticker.scheduleAtFixedRate(this::tickSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops scheduling; scrapes in flight finish, queued ones are dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.error("scrape tick failed; retrying next tick", e);
        }
    }

    /** Syncs the target set and starts every scrape that is due. Called by the ticker thread. */
    public void tick() {
        Instant now = clock.instant();
        sync(now);
        for (Entry e : entries.values()) {
            if (e.nextDue.isAfter(now)) {
                continue;
            }
            Instant due = e.nextDue;
            do {
                e.nextDue = e.nextDue.plus(interval);
            } while (!e.nextDue.isAfter(now));
            if (e.inFlight.compareAndSet(false, true)) {
                e.due = due;
                waiting.add(e);
            } else {
                observer.overrun(e.target);
            }
        }
        drain();
    }

    /** The state of every current target, by {@link ScrapeTarget#key()}. */
    public Map<String, TargetState> states() {
        Map<String, TargetState> out = new HashMap<>();
        entries.forEach((k, e) -> out.put(k, e.state));
        return out;
    }

    private void sync(Instant now) {
        Collection<ScrapeTarget> list = targets.get();
        if (list == lastTargets) {
            return; // the registry hands out a new list only when the targets change
        }
        lastTargets = list;
        Map<String, ScrapeTarget> current = new HashMap<>();
        for (ScrapeTarget t : list) {
            current.put(t.key(), t);
        }
        entries.values()
                .removeIf(
                        e -> {
                            ScrapeTarget t = current.get(e.target.key());
                            if (e.target.equals(t)) {
                                return false;
                            }
                            e.removed = true;
                            observer.removed(e.target);
                            return true;
                        });
        for (ScrapeTarget t : current.values()) {
            entries.computeIfAbsent(
                    t.key(), k -> new Entry(t, TargetState.initial(t, now), firstDue(k, now)));
        }
    }

    /** The first slot at the target's offset that is not in the past. */
    private Instant firstDue(String key, Instant now) {
        long intervalNanos = interval.toNanos();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long cycleStart = nowNanos - Math.floorMod(nowNanos, intervalNanos);
        long due = cycleStart + ScrapeSchedule.offset(key, interval, jitter).toNanos();
        if (due < nowNanos) {
            due += intervalNanos;
        }
        return Instant.ofEpochSecond(0, due);
    }

    private void drain() {
        while (!closed && !waiting.isEmpty() && permits.tryAcquire()) {
            Entry e = waiting.poll();
            if (e == null) {
                permits.release();
                return;
            }
            scrape(e);
        }
    }

    private void scrape(Entry e) {
        Instant due = e.due;
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        CompletableFuture<String> body;
        try {
            body = scraper.fetch(e.target);
        } catch (RuntimeException ex) {
            body = CompletableFuture.failedFuture(ex);
        }
        body.handleAsync(
                        (text, failure) -> {
                            complete(e, due, started, t0, text, failure);
                            return null;
                        },
                        workers)
                .whenComplete(
                        (ignored, bug) -> {
                            if (bug != null && !closed) {
                                log.error("completing scrape of {} failed", e.target.key(), bug);
                            }
                            e.inFlight.set(false);
                            permits.release();
                            drain();
                        });
    }

    private void complete(
            Entry e, Instant due, Instant started, long t0, String text, Throwable failure) {
        Instant at = clock.instant();
        Exposition exposition = null;
        TargetState next;
        if (failure != null) {
            next = e.state.afterFailure(at, describe(failure));
        } else {
            exposition = PrometheusTextParser.parse(text);
            next = e.state.afterScrape(at, exposition);
        }
        e.state = next;
        if (e.removed) {
            return; // left the fleet while in flight: nothing to report for it any more
        }
        sink.publish(next.snapshot(EventMeta.at(ReplicaSnapshot.SCHEMA_VERSION, producer, at)));
        observer.scraped(e.target, due, started, System.nanoTime() - t0, next, exposition);
    }

    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "timed out";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof ScrapeFailure) {
            return t.getMessage();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** For tests: the targets scheduled now. */
    List<ScrapeTarget> scheduled() {
        return entries.values().stream().map(e -> e.target).toList();
    }
}
