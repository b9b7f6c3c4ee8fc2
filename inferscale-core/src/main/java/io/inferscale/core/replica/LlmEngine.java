package io.inferscale.core.replica;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Continuous batching, as in vLLM: the engine runs steps; each step yields one token for every
 * running sequence. Waiting requests join (FIFO, while the batch and the KV cache have room) at a
 * step boundary, and the step they join also prefills their uncached prompt tokens; its end is
 * their first token. A sequence leaves at the end of the step that yields its last token.
 *
 * <p>Tokens are never simulated one by one. Between two changes of the batch (an epoch) every step
 * takes the same time, so step {@code i} of the epoch ends at a closed-form time and each sequence
 * only needs the global index of its last step, kept in a priority queue. An event is an admission
 * boundary or the earliest last step: O(log n) each.
 */
final class LlmEngine implements Engine {

    private final ReplicaConfig cfg;
    private final KvBlockCache kv;
    private final ArrayDeque<Seq> queue = new ArrayDeque<>();
    private final PriorityQueue<Seq> byLastStep = new PriorityQueue<>(Seq.BY_DONE_AT);
    private final HashMap<Long, Seq> runningById = new HashMap<>();
    private final List<Seq> prefilling = new ArrayList<>();
    private double timeScale;

    // The epoch: step i >= epochStep ends at epochNanos + prefillNanos + (i - epochStep + 1) *
    // stepNanos, as only the epoch's first step carries prefill work. While idle, epochStep is
    // the index that the next step will get.
    private boolean busy;
    private long epochNanos;
    private long epochStep;
    private long prefillNanos;
    private long stepNanos = 1;

    /** While idle with requests queued: when the first step starts. */
    private long idleStartAt = NONE;

    /**
     * A boundary at which to re-plan although no sequence ends there (room for arrivals, a new
     * slowdown).
     */
    private long boundaryWanted = NONE;

    LlmEngine(ReplicaConfig cfg, double timeScale) {
        this.cfg = cfg;
        this.kv = new KvBlockCache(cfg.kvCapacityTokens(), cfg.blockTokens());
        this.timeScale = timeScale;
    }

    @Override
    public boolean enqueue(Seq s, long now) {
        if (!kv.fitsEver(s.req)) {
            return false;
        }
        queue.add(s);
        if (!busy) {
            idleStartAt = Math.min(idleStartAt, now);
        } else if (runningById.size() < cfg.maxBatch() && boundaryWanted == NONE) {
            boundaryWanted = boundaryAtOrAfter(now);
        }
        return true;
    }

    @Override
    public long nextEventNanos() {
        if (!busy) {
            return queue.isEmpty() ? NONE : idleStartAt;
        }
        long next = Math.min(boundaryWanted, endOfStep(byLastStep.peek().doneAt));
        return prefilling.isEmpty() ? next : Math.min(next, endOfStep(epochStep));
    }

    @Override
    public void process(long at, ReplicaEvents sink) {
        if (!busy) {
            idleStartAt = NONE;
            startEpoch(at, epochStep, sink);
            return;
        }
        long step = epochStep - 1 + (at - epochNanos - prefillNanos) / stepNanos;
        if (step == epochStep) {
            for (Seq s : prefilling) {
                sink.firstToken(s.req.id(), at);
            }
            prefilling.clear();
        }
        boolean batchChanged = false;
        while (!byLastStep.isEmpty() && byLastStep.peek().doneAt == step) {
            Seq s = byLastStep.poll();
            runningById.remove(s.req.id());
            kv.release(s);
            sink.completed(s.req.id(), at, false);
            batchChanged = true;
        }
        if (batchChanged || boundaryWanted <= at) {
            boundaryWanted = NONE;
            startEpoch(at, step + 1, sink);
        }
    }

    /** Admits what fits at this boundary and times the steps of the new batch. */
    private void startEpoch(long at, long step, ReplicaEvents sink) {
        long uncachedTokens = 0;
        while (!queue.isEmpty() && runningById.size() < cfg.maxBatch()) {
            Seq s = queue.peek();
            int cachedTokens = kv.tryAcquire(s);
            if (cachedTokens < 0) {
                break; // FIFO: later requests wait behind the head, as in vLLM's FCFS scheduler
            }
            queue.poll();
            s.firstStep = step;
            s.doneAt = step + s.req.outputTokens() - 1;
            uncachedTokens += s.req.promptTokens() - cachedTokens;
            byLastStep.add(s);
            runningById.put(s.req.id(), s);
            prefilling.add(s);
            sink.admitted(s.req.id(), at);
        }
        epochNanos = at;
        epochStep = step;
        int batch = runningById.size();
        busy = batch > 0;
        if (!busy && !queue.isEmpty()) {
            throw new IllegalStateException(
                    "an empty engine could not admit a request that fitsEver");
        }
        stepNanos =
                Math.max(
                        1,
                        Math.round(
                                (cfg.decodeBaseNanos() + cfg.decodePerSeqNanos() * batch)
                                        * timeScale));
        prefillNanos = Math.round(cfg.prefillNanosPerToken() * uncachedTokens * timeScale);
    }

    private long endOfStep(long step) {
        return epochNanos + prefillNanos + (step - epochStep + 1) * stepNanos;
    }

    private long boundaryAtOrAfter(long t) {
        long steps = Math.max(1, ceilDiv(t - epochNanos - prefillNanos, stepNanos));
        return epochNanos + prefillNanos + steps * stepNanos;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public void setTimeScale(double scale, long now) {
        timeScale = scale;
        if (busy && boundaryWanted == NONE) {
            boundaryWanted = boundaryAtOrAfter(now);
        }
    }

    @Override
    public void abortAll(LongConsumer failedIds) {
        runningById.values().stream()
                .sorted((a, b) -> Long.compare(a.order, b.order))
                .forEach(s -> failedIds.accept(s.req.id()));
        queue.forEach(s -> failedIds.accept(s.req.id()));
        queue.clear();
        byLastStep.clear();
        runningById.clear();
        prefilling.clear();
        kv.clear();
        busy = false;
        idleStartAt = NONE;
        boundaryWanted = NONE;
    }

    @Override
    public int running() {
        return runningById.size();
    }

    @Override
    public int waiting() {
        return queue.size();
    }

    @Override
    public double kvCacheUsage() {
        return kv.usage();
    }

    /** Tokens yielded by the steps that ended at or before {@code now}. */
    @Override
    public int generatedTokens(long requestId, long now) {
        Seq s = runningById.get(requestId);
        if (s == null) {
            return 0;
        }
        long stepsEnded =
                now < endOfStep(epochStep)
                        ? epochStep
                        : epochStep + (now - epochNanos - prefillNanos) / stepNanos;
        return (int) Math.min(s.req.outputTokens(), Math.max(0, stepsEnded - s.firstStep));
    }

    @Override
    public long prefixBlocksRequested() {
        return kv.requestedBlocks();
    }

    @Override
    public long prefixBlocksHit() {
        return kv.hitBlocks();
    }
}
