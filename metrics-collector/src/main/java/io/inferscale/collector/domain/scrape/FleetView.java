package io.inferscale.collector.domain.scrape;

import io.inferscale.contracts.Quantiles;
import io.inferscale.contracts.ReplicaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest snapshot of every replica, whichever collector instance scraped it. A replica whose
 * snapshots stop arriving (its scraper died and the partition has not moved yet) turns stale by
 * itself; one silent for longer than the expiry (scaled in) leaves the view.
 */
public final class FleetView {
    private final ConcurrentMap<String, ReplicaSnapshot> latest = new ConcurrentHashMap<>();

    public void apply(ReplicaSnapshot s) {
        latest.merge(
                s.model() + "|" + s.replicaId(),
                s,
                (old, neu) -> neu.meta().eventTime().isBefore(old.meta().eventTime()) ? old : neu);
    }

    /** Forgets replicas whose latest snapshot is older than {@code cutoff}; returns how many. */
    public int expire(Instant cutoff) {
        int before = latest.size();
        latest.values().removeIf(s -> s.meta().eventTime().isBefore(cutoff));
        return before - latest.size();
    }

    /**
     * @param silentAfter a replica with no snapshot for this long is reported stale
     * @param model only this model; null for all
     */
    public List<ModelView> view(Instant now, Duration silentAfter, String model) {
        Map<String, List<ReplicaView>> byModel = new TreeMap<>();
        for (ReplicaSnapshot s : latest.values()) {
            if (model == null || model.equals(s.model())) {
                byModel.computeIfAbsent(s.model(), m -> new ArrayList<>())
                        .add(ReplicaView.of(s, now, silentAfter));
            }
        }
        List<ModelView> models = new ArrayList<>(byModel.size());
        byModel.forEach(
                (m, replicas) -> {
                    replicas.sort(Comparator.comparing(ReplicaView::replicaId));
                    int healthy = (int) replicas.stream().filter(ReplicaView::healthy).count();
                    int stale = (int) replicas.stream().filter(ReplicaView::stale).count();
                    models.add(
                            new ModelView(
                                    m, replicas.size(), healthy, stale, List.copyOf(replicas)));
                });
        return models;
    }

    /** One model's replicas, with how many are healthy and how many stale. */
    public record ModelView(
            String model,
            int replicaCount,
            int healthyCount,
            int staleCount,
            List<ReplicaView> replicas) {}

    /**
     * @param ageMs how old the signals are now: the snapshot's own age plus the time since it was
     *     taken
     * @param scrapedBy the collector instance that took the snapshot
     */
    public record ReplicaView(
            String replicaId,
            String address,
            String serverKind,
            boolean healthy,
            boolean stale,
            long ageMs,
            Instant scrapedAt,
            String scrapedBy,
            Double running,
            Double waiting,
            Double kvCacheUsage,
            Double gpuUtilization,
            Quantiles ttftMs,
            Quantiles latencyMs) {

        static ReplicaView of(ReplicaSnapshot s, Instant now, Duration silentAfter) {
            Instant at = s.meta().eventTime();
            long sinceSnapshot = Math.max(0, Duration.between(at, now).toMillis());
            boolean silent = sinceSnapshot > silentAfter.toMillis();
            return new ReplicaView(
                    s.replicaId(),
                    s.address(),
                    s.serverKind(),
                    s.healthy() && !silent,
                    s.stale() || silent,
                    s.ageMs() + sinceSnapshot,
                    at,
                    s.meta().producer(),
                    s.running(),
                    s.waiting(),
                    s.kvCacheUsage(),
                    s.gpuUtilization(),
                    s.ttftMs(),
                    s.latencyMs());
        }
    }
}
