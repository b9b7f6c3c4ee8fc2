package io.inferscale.core.replica;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One replica's serving behaviour, shared by the virtual-time fleet simulator and the wall-clock
 * HTTP emulator. It never reads a clock: the caller passes the time, in nanoseconds on any fixed
 * origin, and must never go back in time.
 *
 * <p>Driving it: before acting at time {@code t} ({@link #submit}, {@link #setSlowdown}, {@link
 * #crash}, {@link #restart}), {@link #advanceTo advance} to {@code t}; after acting, advance to
 * {@code t} again, then sleep until {@link #nextEventNanos()}. Admissions and rejections take
 * effect at {@code t} but are reported by {@code advanceTo}, so requests submitted at one {@code t}
 * with no advance between them share a prefill step, as requests that reach vLLM during one step
 * do. An action at a time past a pending event throws.
 *
 * <p>Faults: a speed factor (fixed per replica, e.g. 0.5 for a slower GPU or a noisy neighbour) and
 * a slowdown (set at run time) divide and multiply every service time; an error rate fails that
 * share of submissions at once; a crash fails everything in flight, empties the KV cache and fails
 * submissions until {@link #restart}. Cold start is the driver's business: a replica is ready when
 * constructed.
 *
 * <p>Not thread-safe; deterministic for a given seed and call sequence. {@link ReplicaEvents}
 * callbacks must not call back into the model.
 */
public final class ReplicaModel {

    private final ReplicaConfig config;
    private final double speedFactor;
    private final SplittableRandom rng;
    private final Engine engine;
    private double slowdown = 1.0;
    private double errorRate;
    private boolean crashed;
    private long now = Long.MIN_VALUE;
    private long submitted;

    /** Requests failed at {@link #now}, reported by the next {@link #advanceTo}. */
    private long[] failing = new long[16];

    private int failingCount;

    /**
     * @param speedFactor throughput relative to the configured one: 1.0 as configured, 0.5 half as
     *     fast
     * @param seed seeds the service-time and error draws
     */
    public ReplicaModel(ReplicaConfig config, double speedFactor, long seed) {
        if (!(speedFactor > 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("speedFactor must be > 0, was " + speedFactor);
        }
        this.config = config;
        this.speedFactor = speedFactor;
        this.rng = new SplittableRandom(seed);
        this.engine =
                config.mode() == ReplicaConfig.Mode.LLM
                        ? new LlmEngine(config, 1 / speedFactor)
                        : new SimpleEngine(config, 1 / speedFactor, rng);
    }

    /**
     * The request joins the admission queue at {@code nowNanos}, or fails there (crash, injected
     * error, too large).
     */
    public void submit(InferenceRequest r, long nowNanos) {
        moveTo(nowNanos);
        Seq s = new Seq(r, submitted++);
        if (crashed
                || (errorRate > 0 && rng.nextDouble() < errorRate)
                || !engine.enqueue(s, nowNanos)) {
            fail(r.id());
        }
    }

    /** When the next event is due; {@link Long#MAX_VALUE} when there is nothing to do. */
    public long nextEventNanos() {
        long next = engine.nextEventNanos();
        return failingCount > 0 ? Math.min(now, next) : next;
    }

    /** Reports, in time order, every event due at or before {@code nowNanos}. */
    public void advanceTo(long nowNanos, ReplicaEvents sink) {
        if (nowNanos < now) {
            throw new IllegalArgumentException("time went back from " + now + " to " + nowNanos);
        }
        if (failingCount
                > 0) { // failures happened at `now`, no later than any pending engine event
            int n = failingCount;
            failingCount = 0;
            for (int i = 0; i < n; i++) {
                sink.completed(failing[i], now, true);
            }
        }
        for (long t = engine.nextEventNanos();
                t <= nowNanos && t != Engine.NONE;
                t = engine.nextEventNanos()) {
            engine.process(t, sink);
        }
        now = nowNanos;
    }

    /**
     * Multiplies service times from the next step (LLM) or the next admission (simple) on; 1.0 is
     * healthy.
     */
    public void setSlowdown(double factor, long nowNanos) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("slowdown must be > 0, was " + factor);
        }
        moveTo(nowNanos);
        slowdown = factor;
        engine.setTimeScale(slowdown / speedFactor, nowNanos);
    }

    /**
     * Share of submissions that fail at once (the replica answers with an error), from the next
     * submission on.
     */
    public void setErrorRate(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("error rate must be in [0, 1], was " + p);
        }
        errorRate = p;
    }

    /**
     * Fails everything in flight at {@code nowNanos} and every submission until {@link #restart}.
     */
    public void crash(long nowNanos) {
        moveTo(nowNanos);
        crashed = true;
        engine.abortAll(this::fail);
    }

    /** Back in service with an empty KV cache; slowdown and error rate stay as they were. */
    public void restart(long nowNanos) {
        moveTo(nowNanos);
        crashed = false;
    }

    public int running() {
        return engine.running();
    }

    public int waiting() {
        return engine.waiting();
    }

    /** Share of the KV cache held by running requests, 0..1 (0 in simple mode). */
    public double kvCacheUsage() {
        return engine.kvCacheUsage();
    }

    /**
     * Tokens generated so far, as of the last {@link #advanceTo}, for a running request; 0 for one
     * that waits or is unknown. Simple mode reports output only through {@link
     * ReplicaEvents#completed}, so 0 there.
     */
    public int generatedTokens(long requestId) {
        return engine.generatedTokens(requestId, now);
    }

    /**
     * Prefix blocks ({@link InferenceRequest#prefixHashes()}) of every request admitted so far;
     * with {@link #prefixBlocksHit()} it gives the prefix-cache hit rate. 0 in simple mode.
     */
    public long prefixBlocksRequested() {
        return engine.prefixBlocksRequested();
    }

    /**
     * Of {@link #prefixBlocksRequested()}, the blocks found in the KV cache at admission (the
     * leading run of cached blocks, whose prefill is skipped).
     */
    public long prefixBlocksHit() {
        return engine.prefixBlocksHit();
    }

    public boolean crashed() {
        return crashed;
    }

    public double slowdown() {
        return slowdown;
    }

    public double errorRate() {
        return errorRate;
    }

    public double speedFactor() {
        return speedFactor;
    }

    public ReplicaConfig config() {
        return config;
    }

    private void moveTo(long t) {
        if (t < now) {
            throw new IllegalArgumentException("time went back from " + now + " to " + t);
        }
        long due = nextEventNanos();
        if (due < t) {
            throw new IllegalStateException(
                    "advanceTo(" + t + ") first: an event is due at " + due);
        }
        now = t;
    }

    private void fail(long requestId) {
        if (failingCount == failing.length) {
            failing = Arrays.copyOf(failing, failingCount * 2);
        }
        failing[failingCount++] = requestId;
    }
}
