package io.inferscale.core.trace;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Azure LLM inference trace ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, one row per request,
 * sorted). The trace starts at its first row; rows must not go back in time, so the stream stays
 * sorted without buffering.
 */
final class AzureLlmCsvStream extends LookaheadArrivalStream {
    static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";

    private final TraceLines lines;
    private final AzureTimestamps timestamps;
    private final double scale;
    private final long fromNanos;
    private final long toNanos;
    private final long startEpochNanos;
    private final Instant traceStart;
    private String row;
    private long previousOffset;

    AzureLlmCsvStream(Path file, TraceOptions options) {
        this.lines = TraceLines.open(file);
        this.timestamps = new AzureTimestamps(lines);
        this.scale = options.scale();
        this.fromNanos = options.fromNanos();
        this.toNanos = options.toNanos();
        try {
            String header = lines.next();
            if (!HEADER.equals(header)) {
                throw lines.error("expected header \"" + HEADER + "\", found \"" + header + "\"");
            }
            row = lines.nextNonBlank();
            if (row == null) {
                throw lines.error("no data rows after the header");
            }
            startEpochNanos = timestamps.epochNanos(timestampField(row));
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
        traceStart = Instant.ofEpochSecond(0, startEpochNanos);
    }

    @Override
    public Instant traceStart() {
        return traceStart;
    }

    @Override
    protected TraceRequest fetch() {
        while (row != null) {
            String current = row;
            int firstComma = current.indexOf(',');
            int secondComma = current.indexOf(',', firstComma + 1);
            if (firstComma < 0 || secondComma < 0 || current.indexOf(',', secondComma + 1) >= 0) {
                throw lines.error("expected 3 fields (" + HEADER + "), found \"" + current + "\"");
            }
            long offset = timestamps.epochNanos(current.substring(0, firstComma)) - startEpochNanos;
            if (offset < previousOffset) {
                throw lines.error(
                        "TIMESTAMP "
                                + current.substring(0, firstComma)
                                + " is before the previous row's");
            }
            if (offset >= toNanos) {
                // Sorted input: nothing later can fall inside the window, so stop reading here.
                row = null;
                return null;
            }
            previousOffset = offset;
            int prompt =
                    lines.nonNegativeInt(
                            current.substring(firstComma + 1, secondComma), "ContextTokens");
            int output =
                    lines.nonNegativeInt(current.substring(secondComma + 1), "GeneratedTokens");
            row = lines.nextNonBlank();
            if (offset >= fromNanos) {
                long arrival = scale == 1.0 ? offset : (long) (offset / scale);
                return new TraceRequest(arrival, prompt, output, TraceRequest.NO_HASHES);
            }
        }
        return null;
    }

    private static String timestampField(String row) {
        int comma = row.indexOf(',');
        return comma < 0 ? row : row.substring(0, comma);
    }

    @Override
    public void close() {
        lines.close();
    }
}
