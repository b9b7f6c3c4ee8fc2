package io.inferscale.core.trace;

import java.util.Arrays;

/**
 * One request of a replayed trace.
 *
 * @param arrivalNanos arrival, in nanoseconds after {@link ArrivalStream#traceStart()} (after rate
 *     scaling)
 * @param promptTokens prompt length; 0 when the trace does not record sizes (per-minute counts)
 * @param outputTokens generated length; 0 when the trace does not record sizes
 * @param prefixHashes ids of the request's 512-token prefix blocks, in order (equal ids are a
 *     shared, reusable KV-cache prefix); empty when unknown. Shared with the reader: do not modify.
 */
public record TraceRequest(
        long arrivalNanos, int promptTokens, int outputTokens, long[] prefixHashes) {

    static final long[] NO_HASHES = new long[0];

    public TraceRequest {
        if (arrivalNanos < 0 || promptTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException(
                    "arrivalNanos, promptTokens and outputTokens must be >= 0, were "
                            + arrivalNanos
                            + ", "
                            + promptTokens
                            + ", "
                            + outputTokens);
        }
        if (prefixHashes == null) {
            prefixHashes = NO_HASHES;
        }
    }

    /** Arrays compare by content, so that two replays of a trace compare equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TraceRequest that
                && arrivalNanos == that.arrivalNanos
                && promptTokens == that.promptTokens
                && outputTokens == that.outputTokens
                && Arrays.equals(prefixHashes, that.prefixHashes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Long.hashCode(arrivalNanos) + promptTokens) + outputTokens)
                + Arrays.hashCode(prefixHashes);
    }

    @Override
    public String toString() {
        return "TraceRequest[arrivalNanos="
                + arrivalNanos
                + ", promptTokens="
                + promptTokens
                + ", outputTokens="
                + outputTokens
                + ", prefixHashes="
                + Arrays.toString(prefixHashes)
                + "]";
    }
}
