package io.inferscale.core.trace;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses Azure's zone-less {@code yyyy-MM-dd HH:mm:ss.SSSSSSS} (read as UTC) into epoch nanoseconds
 * by fixed positions: one call per row, so no formatter and no intermediate objects beyond a cached
 * day.
 */
final class AzureTimestamps {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Keeps epoch nanoseconds inside a long (years 1697 to 2243). */
    private static final long MAX_EPOCH_DAY = 100_000;

    private final TraceLines lines;
    private String cachedDate = "";
    private long cachedEpochDay;

    AzureTimestamps(TraceLines lines) {
        this.lines = lines;
    }

    long epochNanos(String text) {
        int length = text.length();
        // 20 = "yyyy-MM-dd HH:mm:ss." plus at least one fractional digit; at most nine
        // (nanoseconds).
        if (length < 21
                || length > 29
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != ' '
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(19) != '.') {
            throw invalid(text);
        }
        long epochDay = epochDay(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            throw invalid(text);
        }
        long fraction = digits(text, 20, length);
        for (int i = length; i < 29; i++) {
            fraction *= 10;
        }
        long seconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + fraction;
    }

    private long epochDay(String text) {
        if (!text.regionMatches(0, cachedDate, 0, 10) || cachedDate.isEmpty()) {
            try {
                cachedEpochDay =
                        LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
                                .toEpochDay();
            } catch (DateTimeException e) {
                throw invalid(text);
            }
            if (Math.abs(cachedEpochDay) > MAX_EPOCH_DAY) {
                throw invalid(text);
            }
            cachedDate = text.substring(0, 10);
        }
        return cachedEpochDay;
    }

    private int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private TraceFormatException invalid(String text) {
        return lines.error("TIMESTAMP \"" + text + "\" is not yyyy-MM-dd HH:mm:ss.fffffff");
    }
}
