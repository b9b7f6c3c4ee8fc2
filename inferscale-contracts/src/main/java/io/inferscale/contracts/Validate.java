package io.inferscale.contracts;

import java.util.Collection;

/** Contract checks shared by the event records; messages name the offending field. */
final class Validate {
    private Validate() {}

    static void notNull(Object value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
    }

    static void notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " must not be blank");
        }
    }

    static void positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidEventException(field + " must be > 0, was " + value);
        }
    }

    static void nonNegative(double value, String field) {
        if (!(value >= 0)) {
            throw new InvalidEventException(field + " must be >= 0, was " + value);
        }
    }

    static void nonNegative(Double value, String field) {
        if (value != null) {
            nonNegative(value.doubleValue(), field);
        }
    }

    static void fraction(Double value, String field) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new InvalidEventException(field + " must be within [0, 1], was " + value);
        }
    }

    static void notEmpty(Collection<?> value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException(field + " must not be empty");
        }
    }

    static void model(String model) {
        notBlank(model, "model");
        if (model.length() > 200) {
            throw new InvalidEventException("model must be at most 200 characters");
        }
    }
}
