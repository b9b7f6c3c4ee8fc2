package io.inferscale.collector.domain.window;

import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/** The mutable counters of one open window (and, for rollup windows, of each replica in it). */
final class WindowStats {
    long arrivals;
    long completions;
    long errors;
    long promptTokens;
    long outputTokens;
    long ttftSamples;
    long late;
    double inFlightMillis;
    private AbstractHistogram latency;
    private AbstractHistogram ttft;
    private Map<String, WindowStats> replicas;

    void complete(RequestTelemetry t, HistogramPool pool) {
        completions++;
        if (t.outcome() != RequestOutcome.OK) {
            errors++;
        }
        if (t.promptTokens() != null) {
            promptTokens += t.promptTokens();
        }
        if (t.outputTokens() != null) {
            outputTokens += t.outputTokens();
        }
        if (latency == null) {
            latency = pool.take();
        }
        HistogramPool.record(latency, t.latencyMs());
        if (t.ttftMs() != null) {
            if (ttft == null) {
                ttft = pool.take();
            }
            HistogramPool.record(ttft, t.ttftMs());
            ttftSamples++;
        }
    }

    WindowStats replica(String replicaId) {
        if (replicas == null) {
            replicas = new HashMap<>();
        }
        return replicas.computeIfAbsent(replicaId, id -> new WindowStats());
    }

    WindowTotals totals(long windowMillis) {
        return new WindowTotals(
                arrivals,
                completions,
                errors,
                promptTokens,
                outputTokens,
                HistogramPool.quantiles(latency),
                HistogramPool.quantiles(ttft),
                ttftSamples,
                inFlightMillis / windowMillis,
                late);
    }

    List<ReplicaWindow> replicaTotals(long windowMillis) {
        if (replicas == null) {
            return List.of();
        }
        List<ReplicaWindow> out = new ArrayList<>(replicas.size());
        replicas.forEach((id, s) -> out.add(new ReplicaWindow(id, s.totals(windowMillis))));
        out.sort((a, b) -> a.replicaId().compareTo(b.replicaId()));
        return out;
    }

    /** Returns the histograms to the pool; the object is not used again. */
    void release(HistogramPool pool) {
        pool.release(latency);
        pool.release(ttft);
        latency = null;
        ttft = null;
        if (replicas != null) {
            replicas.values().forEach(r -> r.release(pool));
            replicas = null;
        }
    }
}
