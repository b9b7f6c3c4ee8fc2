package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaEvents;
import io.inferscale.core.replica.ReplicaModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ReplicaModel} in wall-clock time on one dedicated thread, since the model is not
 * thread-safe. Other threads hand it commands; it sleeps until the model's next event, a streaming
 * tick or a command, whichever comes first. Everything the model touches (in-flight requests,
 * metrics) is confined to this thread.
 */
final class ReplicaDriver implements AutoCloseable {

    /** Work for the model thread, at the model time {@code now}. */
    interface Command<T> {
        T apply(ReplicaModel model, long now);
    }

    private static final Logger log = LoggerFactory.getLogger(ReplicaDriver.class);
    private static final long NONE = Long.MAX_VALUE;

    private final ReplicaModel model;
    private final VllmMetrics metrics;
    private final long streamIntervalNanos;
    private final long origin = System.nanoTime();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Map<Long, InFlight> inFlight = new HashMap<>();
    private final Map<Long, InFlight> streaming = new LinkedHashMap<>();
    private final Events events = new Events();
    private final Thread thread;
    private volatile boolean closed;
    private long now;
    private long nextTick = NONE;

    ReplicaDriver(ReplicaModel model, VllmMetrics metrics, long streamIntervalNanos, String name) {
        this.model = model;
        this.metrics = metrics;
        this.streamIntervalNanos = streamIntervalNanos;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    void submit(InFlight f) {
        execute(
                () -> {
                    inFlight.put(f.id, f);
                    f.submitted(now);
                    model.submit(f.toModelRequest(), now);
                });
    }

    /** Runs {@code command} on the model thread; the future completes there. */
    <T> CompletableFuture<T> call(Command<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(
                () -> {
                    try {
                        result.complete(command.apply(model, now));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    /** The metrics text, read on the model thread so that gauges and counters agree. */
    CompletableFuture<String> metricsText() {
        return call((m, t) -> metrics.render(m));
    }

    private void execute(Runnable command) {
        commands.add(command);
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (!closed) {
            try {
                now = System.nanoTime() - origin;
                model.advanceTo(now, events);
                for (Runnable c = commands.poll(); c != null; c = commands.poll()) {
                    c.run();
                }
                model.advanceTo(now, events); // admissions and rejections of the commands just run
                if (now >= nextTick) {
                    tick();
                }
                long wake = Math.min(model.nextEventNanos(), nextTick);
                long sleep = wake == NONE ? Long.MAX_VALUE : wake - (System.nanoTime() - origin);
                if (sleep > 0 && commands.isEmpty()) {
                    LockSupport.parkNanos(this, sleep);
                }
            } catch (RuntimeException e) {
                log.error("replica model thread: {}", e.toString(), e);
            }
        }
    }

    /**
     * Streams progress: one chunk per interval per stream, with the tokens generated since the
     * last.
     */
    private void tick() {
        for (InFlight f : streaming.values()) {
            f.progress(model.generatedTokens(f.id));
        }
        nextTick = streaming.isEmpty() ? NONE : now + streamIntervalNanos;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Model events, on the model thread. */
    private final class Events implements ReplicaEvents {
        @Override
        public void admitted(long requestId, long atNanos) {
            inFlight.get(requestId).admitted(atNanos);
        }

        @Override
        public void firstToken(long requestId, long atNanos) {
            InFlight f = inFlight.get(requestId);
            metrics.firstToken(f.req.promptTokens(), f.firstToken(atNanos));
            if (f.req.stream()) {
                streaming.put(requestId, f);
                nextTick = Math.min(nextTick, atNanos + streamIntervalNanos);
            }
        }

        @Override
        public void completed(long requestId, long atNanos, boolean error) {
            InFlight f = inFlight.remove(requestId);
            streaming.remove(requestId);
            if (!error) {
                metrics.success(
                        f.req.maxTokens(), f.queueNanos(atNanos), atNanos - f.submittedAt());
            }
            f.completed(atNanos, error, model.crashed());
        }
    }
}
