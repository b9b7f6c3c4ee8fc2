package io.inferscale.core.scaling;

import java.time.Duration;

/** Constructor checks shared by the autoscaler configuration records; messages name the field. */
final class ConfigChecks {
    private ConfigChecks() {}

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static void requireBetween(Duration d, Duration min, Duration max, String field) {
        require(
                d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0,
                field + ": must be between " + min + " and " + max);
    }

    static void requirePositive(Duration d, String field) {
        require(d != null && !d.isNegative() && !d.isZero(), field + ": must be > 0");
    }
}
