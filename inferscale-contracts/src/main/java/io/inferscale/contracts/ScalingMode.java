package io.inferscale.contracts;

/**
 * {@code OFF}: do nothing; {@code RECOMMEND}: decide and record, never act; {@code AUTO}: decide
 * and act.
 */
public enum ScalingMode {
    OFF,
    RECOMMEND,
    AUTO
}
