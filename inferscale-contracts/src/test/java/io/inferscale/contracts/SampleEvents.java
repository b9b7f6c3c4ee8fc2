package io.inferscale.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid example of every event type; the round-trip and documentation tests use them. */
final class SampleEvents {
    static final Instant T = Instant.parse("2026-11-25T10:15:30Z");

    private SampleEvents() {}

    static EventMeta meta(String producer) {
        return new EventMeta(1, "7b0c9a52-1f7e-4d8a-9a43-0f6f3c1d2e11", producer, T);
    }

    static RequestTelemetry requestTelemetry() {
        return new RequestTelemetry(
                meta("api-gateway@gw-0:8080"),
                "llm-demo",
                "llm-demo-1",
                "api-gateway-1",
                "/v1/chat/completions",
                200,
                RequestOutcome.OK,
                T.minusMillis(840),
                840.5,
                95.2,
                1155,
                211,
                12.0,
                true,
                1,
                "p2c");
    }

    static ReplicaSnapshot replicaSnapshot() {
        return new ReplicaSnapshot(
                meta("metrics-collector@mc-0:8081"),
                "llm-demo",
                "llm-demo-1",
                "http://127.0.0.1:9101",
                "vllm",
                true,
                false,
                0,
                3.0,
                1.0,
                0.42,
                null,
                new Quantiles(80, 150, 400),
                new Quantiles(700, 1800, 4000));
    }

    static DemandWindow demandWindow() {
        return new DemandWindow(
                meta("metrics-collector@mc-0:8081"),
                "llm-demo",
                T.minusSeconds(10),
                10,
                55,
                53,
                1,
                63_525,
                11_183,
                new Quantiles(720, 1900, 4100),
                new Quantiles(90, 160, 420),
                4.5,
                0);
    }

    static DemandForecast demandForecast() {
        return new DemandForecast(
                meta("forecast-service@fc-0:8082"),
                "llm-demo",
                "requests_per_second",
                T,
                60,
                List.of(
                        new QuantileForecast(0.5, List.of(5.1, 5.3, 5.6)),
                        new QuantileForecast(0.9, List.of(6.4, 6.8, 7.2))),
                "trailing-mean",
                "baseline",
                4_000,
                false,
                null);
    }

    static RoutingPolicy routingPolicy() {
        return new RoutingPolicy(
                meta("rl-scheduler@rl-0:8083"),
                "llm-demo",
                3,
                "rl-mlp",
                T,
                T.plusSeconds(3600),
                List.of("in_flight", "ewma_latency"),
                List.of(2, 1),
                List.of(-1.0, -0.5, 0.0),
                Map.of("slo_attainment", 0.97, "baseline_slo_attainment", 0.94),
                "p2c");
    }

    static ScalingDecision scalingDecision() {
        return new ScalingDecision(
                meta("scaler-service@sc-0:8084"),
                "llm-demo",
                ScalingMode.AUTO,
                4,
                4,
                6,
                ScalingReason.FORECAST,
                Map.of("forecast", 6.0, "reactive", 5.0),
                Map.of("forecast_p90_rps", 12.0, "capacity_per_replica_rps", 2.0),
                "p90 forecast at now+120s needs 6 replicas");
    }

    static ScalingAction scalingAction() {
        return new ScalingAction(
                meta("scaler-service@sc-0:8084"),
                "llm-demo",
                "5e0e3a1c-59a4-4a0f-9a3e-6f2b1b7c9d20",
                "aws-asg",
                "llm-demo-asg",
                6,
                1,
                ActionOutcome.SUCCEEDED,
                null,
                140);
    }

    static FleetState fleetState() {
        return new FleetState(
                meta("scaler-service@sc-0:8084"),
                "llm-demo",
                "local",
                "llm-demo",
                2,
                List.of(
                        new ReplicaInfo(
                                "llm-demo-1",
                                "http://127.0.0.1:9101",
                                ReplicaStatus.READY,
                                "inference-sim",
                                T),
                        new ReplicaInfo(
                                "llm-demo-2",
                                "http://127.0.0.1:9102",
                                ReplicaStatus.DRAINING,
                                "inference-sim",
                                T)));
    }

    /** Each topic with its sample, in {@link Topics#ALL} order. */
    static Map<Topic<?>, InferScaleEvent> byTopic() {
        return Map.of(
                Topics.TELEMETRY_REQUESTS, requestTelemetry(),
                Topics.TELEMETRY_REPLICAS, replicaSnapshot(),
                Topics.DEMAND, demandWindow(),
                Topics.FORECASTS, demandForecast(),
                Topics.ROUTING_POLICIES, routingPolicy(),
                Topics.SCALING_DECISIONS, scalingDecision(),
                Topics.SCALING_ACTIONS, scalingAction(),
                Topics.FLEET_STATE, fleetState());
    }
}
