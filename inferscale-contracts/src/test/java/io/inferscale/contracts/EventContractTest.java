package io.inferscale.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventContractTest {

    @Test
    void topicsHaveUniqueNamesAndOnePartitionCount() {
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
        assertThat(Topics.ALL)
                .allSatisfy(t -> assertThat(t.partitions()).isEqualTo(Topics.PARTITIONS));
        assertThat(Topics.ALL)
                .allSatisfy(t -> assertThat(t.compacted()).isEqualTo(t.retention() == null));
        assertThat(Topics.byName("fleet.state")).contains(Topics.FLEET_STATE);
        assertThat(Topics.byName("nope")).isEmpty();
    }

    @Test
    void routingPolicyWeightsMustMatchTheLayerShape() {
        RoutingPolicy ok = SampleEvents.routingPolicy();
        assertThatThrownBy(
                        () ->
                                new RoutingPolicy(
                                        ok.meta(),
                                        ok.model(),
                                        1,
                                        "rl-mlp",
                                        ok.trainedAt(),
                                        ok.expiresAt(),
                                        ok.features(),
                                        List.of(2, 1),
                                        List.of(1.0, 2.0),
                                        Map.of(),
                                        "p2c"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("weights must hold 3 values");
    }

    @Test
    void fleetStateRejectsDuplicateReplicaIdsAndNonHttpAddresses() {
        FleetState ok = SampleEvents.fleetState();
        ReplicaInfo one = ok.replicas().get(0);
        assertThatThrownBy(() -> new FleetState(ok.meta(), "m", "local", "m", 2, List.of(one, one)))
                .hasMessageContaining("unique");
        assertThatThrownBy(
                        () ->
                                new ReplicaInfo(
                                        "r",
                                        "10.0.0.1:80",
                                        ReplicaStatus.READY,
                                        "vllm",
                                        one.since()))
                .hasMessageContaining("http(s) URL");
        assertThat(ok.ready()).extracting(ReplicaInfo::replicaId).containsExactly("llm-demo-1");
    }

    @Test
    void degradedForecastMustSayWhy() {
        DemandForecast ok = SampleEvents.demandForecast();
        assertThatThrownBy(
                        () ->
                                new DemandForecast(
                                        ok.meta(),
                                        ok.model(),
                                        ok.metric(),
                                        ok.origin(),
                                        60,
                                        ok.quantiles(),
                                        "dnn",
                                        "v1",
                                        0,
                                        true,
                                        " "))
                .hasMessageContaining("degradedReason");
    }

    @Test
    void forecastQuantilesShareOneHorizon() {
        DemandForecast ok = SampleEvents.demandForecast();
        assertThatThrownBy(
                        () ->
                                new DemandForecast(
                                        ok.meta(),
                                        ok.model(),
                                        ok.metric(),
                                        ok.origin(),
                                        60,
                                        List.of(
                                                new QuantileForecast(0.5, List.of(1.0)),
                                                new QuantileForecast(0.9, List.of(1.0, 2.0))),
                                        "dnn",
                                        "v1",
                                        0,
                                        false,
                                        null))
                .hasMessageContaining("same horizon");
        assertThat(ok.horizonSteps()).isEqualTo(3);
    }
}
