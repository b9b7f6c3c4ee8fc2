package io.inferscale.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every topic InferScale uses. All are keyed by model and share one partition count, so a consumer
 * group that reads several of them (the scaler reads demand, forecasts and fleet state) is handed
 * the same models on every topic.
 */
public final class Topics {
    /**
     * One partition count for all model-keyed topics; co-partitioning depends on it being equal
     * everywhere.
     */
    public static final int PARTITIONS = 6;

    public static final Topic<RequestTelemetry> TELEMETRY_REQUESTS =
            new Topic<>(
                    "telemetry.requests",
                    RequestTelemetry.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(1),
                    RequestTelemetry.SCHEMA_VERSION);
    public static final Topic<ReplicaSnapshot> TELEMETRY_REPLICAS =
            new Topic<>(
                    "telemetry.replicas",
                    ReplicaSnapshot.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(1),
                    ReplicaSnapshot.SCHEMA_VERSION);
    public static final Topic<DemandWindow> DEMAND =
            new Topic<>(
                    "demand",
                    DemandWindow.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(7),
                    DemandWindow.SCHEMA_VERSION);
    public static final Topic<DemandForecast> FORECASTS =
            new Topic<>(
                    "forecasts",
                    DemandForecast.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(2),
                    DemandForecast.SCHEMA_VERSION);
    public static final Topic<RoutingPolicy> ROUTING_POLICIES =
            new Topic<>(
                    "routing.policies",
                    RoutingPolicy.class,
                    PARTITIONS,
                    true,
                    null,
                    RoutingPolicy.SCHEMA_VERSION);
    public static final Topic<ScalingDecision> SCALING_DECISIONS =
            new Topic<>(
                    "scaling.decisions",
                    ScalingDecision.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(30),
                    ScalingDecision.SCHEMA_VERSION);
    public static final Topic<ScalingAction> SCALING_ACTIONS =
            new Topic<>(
                    "scaling.actions",
                    ScalingAction.class,
                    PARTITIONS,
                    false,
                    Duration.ofDays(30),
                    ScalingAction.SCHEMA_VERSION);
    public static final Topic<FleetState> FLEET_STATE =
            new Topic<>(
                    "fleet.state",
                    FleetState.class,
                    PARTITIONS,
                    true,
                    null,
                    FleetState.SCHEMA_VERSION);

    public static final List<Topic<?>> ALL =
            List.of(
                    TELEMETRY_REQUESTS,
                    TELEMETRY_REPLICAS,
                    DEMAND,
                    FORECASTS,
                    ROUTING_POLICIES,
                    SCALING_DECISIONS,
                    SCALING_ACTIONS,
                    FLEET_STATE);

    private static final Map<String, Topic<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private Topics() {}

    public static Optional<Topic<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
