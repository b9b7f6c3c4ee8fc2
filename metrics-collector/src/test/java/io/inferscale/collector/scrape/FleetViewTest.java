package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.domain.scrape.FleetView;
import io.inferscale.collector.domain.scrape.FleetView.ModelView;
import io.inferscale.collector.domain.scrape.FleetView.ReplicaView;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ReplicaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetViewTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration SILENT = Duration.ofSeconds(15);

    static ReplicaSnapshot snap(
            String model, String replica, Instant at, boolean healthy, long ageMs) {
        return new ReplicaSnapshot(
                EventMeta.at(1, "collector-a", at),
                model,
                replica,
                "http://" + replica + ":8000",
                "vllm",
                healthy,
                !healthy,
                ageMs,
                healthy ? 1.0 : 4.0,
                0.0,
                0.5,
                null,
                null,
                null);
    }

    @Test
    void groupsByModelAndCountsHealthyAndStale() {
        FleetView view = new FleetView();
        view.apply(snap("b", "b1", T0, true, 0));
        view.apply(snap("a", "a2", T0, false, 5000));
        view.apply(snap("a", "a1", T0, true, 0));

        List<ModelView> models = view.view(T0.plusSeconds(1), SILENT, null);

        assertThat(models).extracting(ModelView::model).containsExactly("a", "b");
        ModelView a = models.get(0);
        assertThat(a.replicaCount()).isEqualTo(2);
        assertThat(a.healthyCount()).isEqualTo(1);
        assertThat(a.staleCount()).isEqualTo(1);
        assertThat(a.replicas()).extracting(ReplicaView::replicaId).containsExactly("a1", "a2");
        ReplicaView a2 = a.replicas().get(1);
        assertThat(a2.ageMs()).isEqualTo(6000); // 5 s old when published, 1 s ago
        assertThat(a2.running()).isEqualTo(4.0);
        assertThat(a2.scrapedBy()).isEqualTo("collector-a");
        assertThat(view.view(T0, SILENT, "b")).hasSize(1);
    }

    @Test
    void keepsTheNewestSnapshotWhateverTheArrivalOrder() {
        FleetView view = new FleetView();
        view.apply(snap("a", "a1", T0.plusSeconds(5), true, 0));
        view.apply(snap("a", "a1", T0, false, 9000));

        ReplicaView r = view.view(T0.plusSeconds(5), SILENT, null).get(0).replicas().get(0);

        assertThat(r.healthy()).isTrue();
    }

    @Test
    void aReplicaWhoseSnapshotsStopTurnsStaleThenLeaves() {
        FleetView view = new FleetView();
        view.apply(snap("a", "a1", T0, true, 0));

        ReplicaView silent = view.view(T0.plusSeconds(20), SILENT, null).get(0).replicas().get(0);
        assertThat(silent.healthy()).isFalse();
        assertThat(silent.stale()).isTrue();
        assertThat(silent.ageMs()).isEqualTo(20_000);

        assertThat(view.expire(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(view.view(T0.plusSeconds(20), SILENT, null)).isEmpty();
    }
}
