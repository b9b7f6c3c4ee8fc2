package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.adapter.scrape.TargetRegistry;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.StaticTargets;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How collector instances split the targets: by ownership of the model's fleet.state partition. */
class TargetRegistryTest {
    static final int PARTITIONS = 6;
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    static TargetRegistry registry(List<ScrapeTarget> statics) {
        return new TargetRegistry(
                PARTITIONS,
                statics,
                (model, r) ->
                        ScrapeTarget.of(
                                model,
                                r.replicaId(),
                                r.address(),
                                r.serverKind(),
                                Map.of(),
                                "/metrics"));
    }

    static FleetState fleet(String model, ReplicaStatus... statuses) {
        List<ReplicaInfo> replicas =
                IntStream.range(0, statuses.length)
                        .mapToObj(
                                i ->
                                        new ReplicaInfo(
                                                model + "-" + i,
                                                "http://10.0.0." + i + ":8000",
                                                statuses[i],
                                                "vllm",
                                                T0))
                        .toList();
        return new FleetState(
                EventMeta.at(1, "scaler", T0), model, "local", model, statuses.length, replicas);
    }

    @Test
    void scrapesReadyAndDrainingReplicasOfOwnedModelsOnly() {
        TargetRegistry r = registry(List.of());
        int p = TargetRegistry.partitionOf("llama", PARTITIONS);
        r.assigned(List.of(p));

        r.apply(
                p,
                "llama",
                fleet(
                        "llama",
                        ReplicaStatus.READY,
                        ReplicaStatus.DRAINING,
                        ReplicaStatus.STARTING,
                        ReplicaStatus.FAILED));

        assertThat(r.get())
                .extracting(ScrapeTarget::replicaId)
                .containsExactlyInAnyOrder("llama-0", "llama-1");
    }

    @Test
    void recordsOfUnownedPartitionsAreNotScraped() {
        TargetRegistry r = registry(List.of());
        int p = TargetRegistry.partitionOf("llama", PARTITIONS);
        r.assigned(List.of((p + 1) % PARTITIONS));

        r.apply(p, "llama", fleet("llama", ReplicaStatus.READY));

        assertThat(r.get()).isEmpty();
    }

    @Test
    void revokingAPartitionDropsItsTargetsAndATombstoneDropsAModel() {
        TargetRegistry r = registry(List.of());
        int p = TargetRegistry.partitionOf("llama", PARTITIONS);
        r.assigned(List.of(p));
        r.apply(p, "llama", fleet("llama", ReplicaStatus.READY));
        assertThat(r.get()).hasSize(1);

        r.revoked(List.of(p));
        assertThat(r.get()).isEmpty();

        r.assigned(List.of(p));
        r.apply(p, "llama", fleet("llama", ReplicaStatus.READY));
        r.apply(p, "llama", null);
        assertThat(r.get()).isEmpty();
    }

    @Test
    void staticTargetsGoWithTheirModelsPartitionSoTwoInstancesNeverBothScrapeOne() {
        List<ScrapeTarget> statics =
                StaticTargets.parse(
                        IntStream.range(0, 40)
                                .mapToObj(i -> "model-" + i + "=http://10.1.0." + i + ":8000")
                                .toList(),
                        "auto",
                        Map.of(),
                        "/metrics");
        TargetRegistry a = registry(statics);
        TargetRegistry b = registry(statics);

        a.assigned(List.of(0, 1, 2));
        b.assigned(List.of(3, 4, 5));

        assertThat(a.get()).doesNotContainAnyElementsOf(b.get());
        assertThat(a.get().size() + b.get().size()).isEqualTo(40);
        assertThat(a.get()).isNotEmpty();
        assertThat(b.get()).isNotEmpty();
    }

    @Test
    void handsOutANewListOnlyOnChange() {
        TargetRegistry r = registry(List.of());
        List<ScrapeTarget> before = r.get();

        assertThat(r.get()).isSameAs(before);
        r.assigned(List.of(0));
        assertThat(r.get()).isNotSameAs(before);
    }
}
