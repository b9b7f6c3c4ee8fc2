package io.inferscale.contracts;

/**
 * An event on one of InferScale's topics. Every topic is keyed by the served model's name so that
 * one model's events stay ordered in one partition and a consumer instance owns whole models.
 */
public sealed interface InferScaleEvent
        permits RequestTelemetry,
                ReplicaSnapshot,
                DemandWindow,
                DemandForecast,
                RoutingPolicy,
                ScalingDecision,
                ScalingAction,
                FleetState {

    EventMeta meta();

    String model();

    /** The Kafka record key. */
    default String key() {
        return model();
    }
}
