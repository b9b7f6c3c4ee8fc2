package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The targets this collector instance owns. Collector instances share one consumer group on the
 * compacted {@code fleet.state} topic, so each owns the models of the partitions Kafka assigns it:
 * it scrapes those models' READY and DRAINING replicas and nothing else. Static targets are split
 * the same way, by the partition their model's key hashes to, so that every replica is scraped by
 * exactly one instance and a rebalance moves static and managed replicas of a model together.
 */
public final class TargetRegistry implements Supplier<List<ScrapeTarget>> {
    private static final Logger log = LoggerFactory.getLogger(TargetRegistry.class);

    private final int partitions;
    private final Map<Integer, List<ScrapeTarget>> staticByPartition = new HashMap<>();
    private final Map<Integer, Map<String, List<ScrapeTarget>>> fleetByPartition = new HashMap<>();
    private final Set<Integer> owned = new HashSet<>();
    private final TargetFactory factory;
    private volatile List<ScrapeTarget> current = List.of();

    /** Builds a target from a fleet replica (metrics port and path come from configuration). */
    @FunctionalInterface
    public interface TargetFactory {
        ScrapeTarget create(String model, ReplicaInfo replica);
    }

    public TargetRegistry(int partitions, List<ScrapeTarget> staticTargets, TargetFactory factory) {
        this.partitions = partitions;
        this.factory = factory;
        for (ScrapeTarget t : staticTargets) {
            staticByPartition
                    .computeIfAbsent(partitionOf(t.model(), partitions), p -> new ArrayList<>())
                    .add(t);
        }
    }

    /** The partition Kafka's default partitioner puts a model's key in. */
    public static int partitionOf(String model, int partitions) {
        return Utils.toPositive(Utils.murmur2(model.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The targets to scrape now; a new list instance whenever they change. */
    @Override
    public List<ScrapeTarget> get() {
        return current;
    }

    public synchronized void assigned(Collection<Integer> partitionNumbers) {
        owned.addAll(partitionNumbers);
        rebuild();
    }

    /** Revoked or lost: another instance scrapes those models now. */
    public synchronized void revoked(Collection<Integer> partitionNumbers) {
        owned.removeAll(partitionNumbers);
        partitionNumbers.forEach(fleetByPartition::remove);
        rebuild();
    }

    /** The latest fleet state of one model; null (a tombstone) removes the model. */
    public synchronized void apply(int partition, String model, FleetState state) {
        Map<String, List<ScrapeTarget>> models =
                fleetByPartition.computeIfAbsent(partition, p -> new HashMap<>());
        if (state == null) {
            models.remove(model);
        } else {
            List<ScrapeTarget> targets = new ArrayList<>();
            for (ReplicaInfo r : state.replicas()) {
                if (r.status() != ReplicaStatus.READY && r.status() != ReplicaStatus.DRAINING) {
                    continue;
                }
                try {
                    targets.add(factory.create(model, r));
                } catch (IllegalArgumentException e) {
                    log.warn(
                            "fleet.state {}: not scraping {}: {}",
                            model,
                            r.replicaId(),
                            e.getMessage());
                }
            }
            models.put(model, List.copyOf(targets));
        }
        if (owned.contains(partition)) {
            rebuild();
        }
    }

    private void rebuild() {
        List<ScrapeTarget> all = new ArrayList<>();
        for (int p : owned) {
            all.addAll(staticByPartition.getOrDefault(p, List.of()));
            fleetByPartition.getOrDefault(p, Map.of()).values().forEach(all::addAll);
        }
        current = Collections.unmodifiableList(all); // a new instance on every change
    }

    int partitions() {
        return partitions;
    }
}
