package io.inferscale.fleetsim;

import io.inferscale.core.trace.ArrivalStream;
import io.inferscale.core.trace.TraceRequest;
import java.util.function.Supplier;

/**
 * The next arrival of a replay, as plain fields for the event loop. Optionally replays the trace
 * several times back to back (each repetition shifted to start one mean inter-arrival gap after the
 * previous one ends), which turns a short trace into a long throughput benchmark.
 *
 * <p>Traces that record no sizes (per-minute counts) get {@link #DEFAULT_PROMPT_TOKENS} / {@link
 * #DEFAULT_OUTPUT_TOKENS} when replayed against LLM replicas; simple replicas ignore sizes.
 */
final class ArrivalCursor implements AutoCloseable {

    /** The Azure LLM conversation trace's mean sizes (see ../shared/traces/README.md). */
    static final int DEFAULT_PROMPT_TOKENS = 1155;

    static final int DEFAULT_OUTPUT_TOKENS = 211;

    private final Supplier<ArrivalStream> opener;
    private final int repeats;
    private ArrivalStream stream;
    private int repetition;
    private long shift;
    private long firstRaw = -1;
    private long lastRaw;
    private long countInRepetition;

    /** Arrival time of the current request, {@link Long#MAX_VALUE} once exhausted. */
    long time;

    int promptTokens;
    int outputTokens;
    long[] prefixHashes;

    ArrivalCursor(Supplier<ArrivalStream> opener, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
        }
        this.opener = opener;
        this.repeats = repeats;
        this.stream = opener.get();
    }

    /** Moves to the next arrival; false (and {@code time = Long.MAX_VALUE}) when there is none. */
    boolean advance() {
        while (true) {
            if (stream.hasNext()) {
                TraceRequest r = stream.next();
                long raw = r.arrivalNanos();
                if (firstRaw < 0) {
                    firstRaw = raw;
                }
                if (repetition == 0) {
                    lastRaw = raw;
                    countInRepetition++;
                }
                time = raw + shift;
                boolean sized = r.outputTokens() > 0 || r.promptTokens() > 0;
                promptTokens = sized ? r.promptTokens() : DEFAULT_PROMPT_TOKENS;
                outputTokens = sized ? Math.max(1, r.outputTokens()) : DEFAULT_OUTPUT_TOKENS;
                prefixHashes = r.prefixHashes();
                return true;
            }
            if (++repetition >= repeats || countInRepetition == 0) {
                time = Long.MAX_VALUE;
                return false;
            }
            long span = lastRaw - firstRaw;
            long gap = countInRepetition > 1 ? Math.max(1, span / (countInRepetition - 1)) : 1;
            shift += span + gap;
            stream.close();
            stream = opener.get();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
