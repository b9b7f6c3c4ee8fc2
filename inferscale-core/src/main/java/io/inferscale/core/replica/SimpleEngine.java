package io.inferscale.core.replica;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A request/response model server (an image classifier, an embedding model): up to {@code maxBatch}
 * requests run at once, each for a lognormal service time; the rest wait in FIFO order. Output
 * appears at completion, all at once.
 */
final class SimpleEngine implements Engine {

    private final ReplicaConfig cfg;
    private final SplittableRandom rng;
    private final ArrayDeque<Seq> queue = new ArrayDeque<>();
    private final PriorityQueue<Seq> byFinish = new PriorityQueue<>(Seq.BY_DONE_AT);
    private double timeScale;

    /** When queued requests can start because a slot is free. */
    private long admitAt = NONE;

    SimpleEngine(ReplicaConfig cfg, double timeScale, SplittableRandom rng) {
        this.cfg = cfg;
        this.timeScale = timeScale;
        this.rng = rng;
    }

    @Override
    public boolean enqueue(Seq s, long now) {
        queue.add(s);
        if (byFinish.size() < cfg.maxBatch()) {
            admitAt = Math.min(admitAt, now);
        }
        return true;
    }

    @Override
    public long nextEventNanos() {
        return byFinish.isEmpty() ? admitAt : Math.min(admitAt, byFinish.peek().doneAt);
    }

    @Override
    public void process(long at, ReplicaEvents sink) {
        while (!byFinish.isEmpty() && byFinish.peek().doneAt <= at) {
            long id = byFinish.poll().req.id();
            sink.firstToken(id, at);
            sink.completed(id, at, false);
        }
        admitAt = NONE;
        while (byFinish.size() < cfg.maxBatch() && !queue.isEmpty()) {
            Seq s = queue.poll();
            s.doneAt = at + serviceNanos();
            byFinish.add(s);
            sink.admitted(s.req.id(), at);
        }
    }

    private long serviceNanos() {
        double median = cfg.serviceMedianNanos() * timeScale;
        double sigma = cfg.serviceSigma();
        // exp(sigma * Z) has median 1: the configured median is the lognormal's median.
        return Math.max(
                1, Math.round(sigma == 0 ? median : median * Math.exp(sigma * rng.nextGaussian())));
    }

    /** Applies to requests that start from now on; running ones keep the time they drew. */
    @Override
    public void setTimeScale(double scale, long now) {
        timeScale = scale;
    }

    @Override
    public void abortAll(LongConsumer failedIds) {
        byFinish.stream()
                .sorted((a, b) -> Long.compare(a.order, b.order))
                .forEach(s -> failedIds.accept(s.req.id()));
        queue.forEach(s -> failedIds.accept(s.req.id()));
        queue.clear();
        byFinish.clear();
        admitAt = NONE;
    }

    @Override
    public int running() {
        return byFinish.size();
    }

    @Override
    public int waiting() {
        return queue.size();
    }

    /** No KV cache to speak of. */
    @Override
    public double kvCacheUsage() {
        return 0;
    }

    /** Output appears only at completion. */
    @Override
    public int generatedTokens(long requestId, long now) {
        return 0;
    }

    @Override
    public long prefixBlocksRequested() {
        return 0;
    }

    @Override
    public long prefixBlocksHit() {
        return 0;
    }
}
