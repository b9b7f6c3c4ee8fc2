package io.inferscale.core.trace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Epoch seconds of ISO-8601 offset date-times such as {@code 1995-07-01T00:00:00-04:00}. The common
 * shape ({@code yyyy-MM-ddTHH:mm:ss} plus {@code Z} or {@code ±HH:MM}) is read by position, since
 * {@link OffsetDateTime#parse} costs ~15 us a row (most of the time to load a month of minutes);
 * anything else falls back to it. Throws {@link DateTimeException} for text that is not a valid
 * offset date-time.
 */
final class IsoMinuteTimes {
    private String cachedDate = "";
    private long cachedEpochDay;

    long epochSecond(String text) {
        int length = text.length();
        boolean zulu = length == 20 && text.charAt(19) == 'Z';
        boolean offset =
                length == 25
                        && (text.charAt(19) == '+' || text.charAt(19) == '-')
                        && text.charAt(22) == ':';
        if (!(zulu || offset)
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return OffsetDateTime.parse(text).toEpochSecond();
        }
        int hour = digits(text, 11);
        int minute = digits(text, 14);
        int second = digits(text, 17);
        if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) {
            return OffsetDateTime.parse(text).toEpochSecond();
        }
        int offsetSeconds = 0;
        if (offset) {
            int offsetHours = digits(text, 20);
            int offsetMinutes = digits(text, 23);
            if (offsetHours < 0
                    || offsetMinutes < 0
                    || offsetMinutes > 59
                    || offsetHours * 60 + offsetMinutes > 18 * 60) {
                return OffsetDateTime.parse(text).toEpochSecond();
            }
            offsetSeconds =
                    (text.charAt(19) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        }
        return epochDay(text) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    private long epochDay(String text) {
        if (cachedDate.isEmpty() || !text.regionMatches(0, cachedDate, 0, 10)) {
            int year = fourDigits(text);
            int month = digits(text, 5);
            int day = digits(text, 8);
            if (year < 0 || month < 0 || day < 0) {
                throw new DateTimeException("not a date: " + text);
            }
            cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
            cachedDate = text.substring(0, 10);
        }
        return cachedEpochDay;
    }

    private static int fourDigits(String text) {
        int high = digits(text, 0);
        int low = digits(text, 2);
        return high < 0 || low < 0 ? -1 : high * 100 + low;
    }

    /** The two-digit number at {@code at}, or -1. */
    private static int digits(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }
}
