package io.inferscale.core.trace;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Parses a per-minute counts CSV into an unscaled {@link PerMinuteSeries}. Rows step by 60 s; a
 * larger step leaves the skipped minutes missing, like rows flagged {@code outage=1}. Columns are
 * found by header name; unknown columns are ignored so that a file may carry extra measures.
 */
final class PerMinuteCsvParser {
    static final String LOCAL_TIME = "minute_start_local";
    static final String UNIX_TIME = "unix_time_s";
    static final String REQUESTS = "requests";
    static final String OUTAGE = "outage";

    /**
     * Larger steps are taken for a damaged timestamp rather than a month-long outage (and would
     * allocate wildly).
     */
    static final long MAX_STEP_MINUTES = 31L * 24 * 60;

    private final TraceLines lines;
    private int fieldCount;
    private int localColumn = -1;
    private int unixColumn = -1;
    private int requestsColumn = -1;
    private int outageColumn = -1;
    private final String[] fields;
    private final IsoMinuteTimes localTimes = new IsoMinuteTimes();

    private double[] counts = new double[1 << 12];
    private boolean[] missing = new boolean[1 << 12];
    private int size;

    private PerMinuteCsvParser(TraceLines lines) {
        this.lines = lines;
        readHeader();
        this.fields = new String[fieldCount];
    }

    static PerMinuteSeries parse(Path file) {
        try (TraceLines lines = TraceLines.open(file)) {
            return new PerMinuteCsvParser(lines).readRows();
        }
    }

    private void readHeader() {
        String header = lines.next();
        if (header == null) {
            throw lines.error(
                    "empty file; expected a header with "
                            + REQUESTS
                            + " and "
                            + UNIX_TIME
                            + " or "
                            + LOCAL_TIME);
        }
        String[] names = header.split(",", -1);
        fieldCount = names.length;
        for (int i = 0; i < names.length; i++) {
            switch (names[i]) {
                case LOCAL_TIME -> localColumn = column(localColumn, i, names[i]);
                case UNIX_TIME -> unixColumn = column(unixColumn, i, names[i]);
                case REQUESTS -> requestsColumn = column(requestsColumn, i, names[i]);
                case OUTAGE -> outageColumn = column(outageColumn, i, names[i]);
                default -> {
                    // Extra measures are allowed and ignored.
                }
            }
        }
        if (requestsColumn < 0 || (localColumn < 0 && unixColumn < 0)) {
            throw lines.error(
                    "header needs "
                            + REQUESTS
                            + " and "
                            + UNIX_TIME
                            + " or "
                            + LOCAL_TIME
                            + ", found \""
                            + header
                            + "\"");
        }
    }

    private int column(int existing, int index, String name) {
        if (existing >= 0) {
            throw lines.error("column " + name + " appears twice");
        }
        return index;
    }

    private PerMinuteSeries readRows() {
        long firstSecond = 0;
        long previousSecond = 0;
        ZoneOffset offset = ZoneOffset.UTC;
        String row;
        while ((row = lines.nextNonBlank()) != null) {
            split(row);
            long second = timeOf();
            if (size == 0) {
                firstSecond = second;
                if (localColumn >= 0) {
                    offset = OffsetDateTime.parse(fields[localColumn]).getOffset();
                }
            } else {
                long step = second - previousSecond;
                if (step <= 0) {
                    throw lines.error(
                            "row time "
                                    + second
                                    + " is not after the previous row's "
                                    + previousSecond);
                }
                if (step % 60 != 0) {
                    throw lines.error(
                            "row time "
                                    + second
                                    + " is not a whole number of minutes after "
                                    + previousSecond);
                }
                if (step / 60 > MAX_STEP_MINUTES) {
                    throw lines.error(
                            "row time jumps "
                                    + step / 60
                                    + " minutes, more than "
                                    + MAX_STEP_MINUTES);
                }
                for (long m = 1; m < step / 60; m++) {
                    append(Double.NaN, true);
                }
            }
            previousSecond = second;
            boolean outage = outageColumn >= 0 && outage(fields[outageColumn]);
            String requests = fields[requestsColumn];
            double count = outage && requests.isEmpty() ? Double.NaN : requests(requests);
            append(count, outage);
        }
        if (size == 0) {
            throw lines.error("no data rows after the header");
        }
        return new PerMinuteSeries(
                Instant.ofEpochSecond(firstSecond),
                offset,
                Arrays.copyOf(counts, size),
                Arrays.copyOf(missing, size));
    }

    private void split(String row) {
        int start = 0;
        for (int i = 0; i < fieldCount; i++) {
            int comma = row.indexOf(',', start);
            boolean last = i == fieldCount - 1;
            if (last ? comma >= 0 : comma < 0) {
                throw lines.error(
                        "expected "
                                + fieldCount
                                + " fields like the header, found \""
                                + row
                                + "\"");
            }
            int end = last ? row.length() : comma;
            fields[i] = row.substring(start, end);
            start = end + 1;
        }
    }

    private long timeOf() {
        long unix = unixColumn >= 0 ? lines.nonNegativeLong(fields[unixColumn], UNIX_TIME) : -1;
        if (localColumn < 0) {
            return unix;
        }
        long local;
        try {
            local = localTimes.epochSecond(fields[localColumn]);
        } catch (DateTimeException e) {
            throw lines.error(
                    LOCAL_TIME
                            + " \""
                            + fields[localColumn]
                            + "\" is not an ISO-8601 date-time with offset");
        }
        if (unixColumn >= 0 && unix != local) {
            throw lines.error(
                    LOCAL_TIME
                            + " "
                            + fields[localColumn]
                            + " is "
                            + local
                            + " s, but "
                            + UNIX_TIME
                            + " is "
                            + unix);
        }
        return local;
    }

    private boolean outage(String text) {
        if (text.equals("0")) {
            return false;
        }
        if (text.equals("1")) {
            return true;
        }
        throw lines.error(OUTAGE + " \"" + text + "\" is not 0 or 1");
    }

    /**
     * A non-negative decimal; counts are integers in practice, but a derived series may hold rates.
     */
    private double requests(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                dots = 2;
                break;
            }
        }
        if (dots == 0) {
            return lines.nonNegativeLong(text, REQUESTS);
        }
        if (dots > 1 || text.length() == 1) {
            if (text.startsWith("-")) {
                throw lines.error(REQUESTS + " " + text + " is negative");
            }
            throw lines.error(REQUESTS + " \"" + text + "\" is not a number");
        }
        return Double.parseDouble(text);
    }

    private void append(double count, boolean outage) {
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, size * 2);
            missing = Arrays.copyOf(missing, size * 2);
        }
        counts[size] = count;
        missing[size] = outage;
        size++;
    }
}
