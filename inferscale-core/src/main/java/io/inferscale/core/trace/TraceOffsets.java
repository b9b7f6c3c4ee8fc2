package io.inferscale.core.trace;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Parses {@code --from}/{@code --to} values into offsets from the trace start: a relative offset
 * such as {@code 90s}, {@code 25m}, {@code 2h}, {@code 14d}, {@code 500ms} or a combination ({@code
 * 1h30m}); an ISO-8601 duration ({@code PT25M}); or an absolute ISO-8601 instant or offset
 * date-time ({@code 1995-07-13T09:00:00-04:00}).
 */
public final class TraceOffsets {
    private TraceOffsets() {}

    /**
     * @throws IllegalArgumentException for text that is none of the forms above, or an instant
     *     before {@code traceStart}
     */
    public static Duration parse(String text, Instant traceStart) {
        Objects.requireNonNull(traceStart, "traceStart");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "empty trace offset; expected e.g. 25m, 2h, 14d or an ISO instant");
        }
        String value = text.trim();
        char first = value.charAt(0);
        if (first == 'P' || first == 'p') {
            return isoDuration(value);
        }
        if (value.length() > 10 && value.charAt(4) == '-') {
            return absolute(value, traceStart);
        }
        return relative(value);
    }

    private static Duration isoDuration(String value) {
        try {
            return nonNegative(Duration.parse(value), value);
        } catch (DateTimeParseException e) {
            throw invalid(value);
        }
    }

    private static Duration absolute(String value, Instant traceStart) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "trace offset \""
                            + value
                            + "\" is not an ISO-8601 date-time with a zone offset (e.g. 2023-11-16T18:30:00Z)");
        }
        Duration offset = Duration.between(traceStart, instant);
        if (offset.isNegative()) {
            throw new IllegalArgumentException(
                    "trace offset " + value + " is before the trace start " + traceStart);
        }
        return offset;
    }

    /** {@code <digits><unit>} repeated, with units d, h, m, s, ms. */
    private static Duration relative(String value) {
        Duration total = Duration.ZERO;
        int pos = 0;
        while (pos < value.length()) {
            int digitsStart = pos;
            while (pos < value.length() && isAsciiDigit(value.charAt(pos))) {
                pos++;
            }
            int unitStart = pos;
            while (pos < value.length() && Character.isLetter(value.charAt(pos))) {
                pos++;
            }
            if (digitsStart == unitStart || unitStart == pos || unitStart - digitsStart > 12) {
                throw invalid(value);
            }
            long amount = Long.parseLong(value, digitsStart, unitStart, 10);
            try {
                total =
                        total.plus(
                                switch (value.substring(unitStart, pos)) {
                                    case "d" -> Duration.ofDays(amount);
                                    case "h" -> Duration.ofHours(amount);
                                    case "m" -> Duration.ofMinutes(amount);
                                    case "s" -> Duration.ofSeconds(amount);
                                    case "ms" -> Duration.ofMillis(amount);
                                    default -> throw invalid(value);
                                });
            } catch (ArithmeticException | DateTimeException e) {
                throw invalid(value);
            }
        }
        return total;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Duration nonNegative(Duration duration, String value) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("trace offset " + value + " is negative");
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "trace offset \""
                        + value
                        + "\" is not an offset like 90s, 25m, 2h, 14d, 1h30m, an ISO duration (PT25M) or an ISO date-time");
    }
}
