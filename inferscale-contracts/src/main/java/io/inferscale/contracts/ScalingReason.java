package io.inferscale.contracts;

/** Which term of the scaling decision won. */
public enum ScalingReason {
    FORECAST,
    REACTIVE,
    PANIC,
    BOUNDS,
    STABILISATION,
    STALENESS,
    NO_CHANGE
}
