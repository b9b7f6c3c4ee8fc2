package io.inferscale.core.trace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mooncake JSON-lines trace. Its timestamps are quantised to ~3 s slots, so replaying them as they
 * are would fire bursts every 3 s; instead each slot's requests are spread uniformly over {@code
 * [t, t + width)}, where width is the gap to the next slot's timestamp (at most {@link
 * #SLOT_NANOS}: a longer gap is an idle stretch, not a wider slot). The jitter is drawn per slot
 * from (seed, timestamp), and requests keep their file order inside a slot.
 */
final class MooncakeJsonlStream extends LookaheadArrivalStream {
    static final long SLOT_NANOS = 3_000_000_000L;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final TraceLines lines;
    private final MooncakeLineParser parser;
    private final double scale;
    private final long seed;
    private final long fromNanos;
    private final long toNanos;

    private boolean lookaheadValid;
    private long lookaheadMs;
    private int lookaheadInput;
    private int lookaheadOutput;
    private long[] lookaheadHashes;

    private int[] inputs = new int[256];
    private int[] outputs = new int[256];
    private long[][] hashes = new long[256][];
    private long[] jitter = new long[256];
    private int slotSize;
    private int slotPos;
    private long slotStartNanos;
    private boolean finished;

    MooncakeJsonlStream(Path file, TraceOptions options) {
        this.lines = TraceLines.open(file);
        this.parser = new MooncakeLineParser(lines);
        this.scale = options.scale();
        this.seed = options.seed();
        this.fromNanos = options.fromNanos();
        this.toNanos = options.toNanos();
    }

    @Override
    public Instant traceStart() {
        return Instant.EPOCH;
    }

    @Override
    protected TraceRequest fetch() {
        while (true) {
            while (slotPos < slotSize) {
                int i = slotPos++;
                long offset = slotStartNanos + jitter[i];
                if (offset >= toNanos) {
                    slotPos = slotSize;
                    finished = true;
                    return null;
                }
                if (offset >= fromNanos) {
                    long arrival = scale == 1.0 ? offset : (long) (offset / scale);
                    return new TraceRequest(arrival, inputs[i], outputs[i], hashes[i]);
                }
            }
            if (finished || !loadSlot()) {
                return null;
            }
        }
    }

    /**
     * Reads the next slot (all rows sharing one timestamp) and draws its jitter; false at the end.
     */
    private boolean loadSlot() {
        while (true) {
            if (!lookaheadValid && !readRow()) {
                finished = true;
                return false;
            }
            long slotMs = lookaheadMs;
            slotSize = 0;
            slotPos = 0;
            long widthNanos = SLOT_NANOS;
            while (lookaheadValid && lookaheadMs == slotMs) {
                add(lookaheadInput, lookaheadOutput, lookaheadHashes);
                if (!readRow()) {
                    break;
                }
                if (lookaheadMs < slotMs) {
                    throw lines.error(
                            "timestamp " + lookaheadMs + " is before the previous row's " + slotMs);
                }
                if (lookaheadMs > slotMs) {
                    widthNanos = Math.min(SLOT_NANOS, (lookaheadMs - slotMs) * NANOS_PER_MS);
                }
            }
            slotStartNanos = slotMs * NANOS_PER_MS;
            if (slotStartNanos >= toNanos) {
                finished = true;
                return false;
            }
            if (slotStartNanos + widthNanos > fromNanos) {
                drawJitter(slotMs, widthNanos);
                return true;
            }
        }
    }

    private boolean readRow() {
        String line = lines.nextNonBlank();
        lookaheadValid = line != null;
        if (lookaheadValid) {
            parser.parse(line);
            lookaheadMs = parser.timestampMs;
            lookaheadInput = parser.inputLength;
            lookaheadOutput = parser.outputLength;
            lookaheadHashes = parser.hashIds;
        }
        return lookaheadValid;
    }

    private void add(int input, int output, long[] hashIds) {
        if (slotSize == inputs.length) {
            int capacity = slotSize * 2;
            inputs = Arrays.copyOf(inputs, capacity);
            outputs = Arrays.copyOf(outputs, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            jitter = Arrays.copyOf(jitter, capacity);
        }
        inputs[slotSize] = input;
        outputs[slotSize] = output;
        hashes[slotSize] = hashIds;
        slotSize++;
    }

    private void drawJitter(long slotMs, long widthNanos) {
        SplittableRandom random = Seeds.forKey(seed, slotMs);
        for (int i = 0; i < slotSize; i++) {
            jitter[i] = random.nextLong(widthNanos);
        }
        Arrays.sort(jitter, 0, slotSize);
    }

    @Override
    public void close() {
        lines.close();
    }
}
