package io.inferscale.collector.adapter.window;

import java.util.OptionalLong;

/**
 * The watermark travels with the committed offset, in Kafka's offset metadata, so the next owner of
 * a partition learns where to rebuild from in the same call that tells it the offset; no second
 * store can disagree with it. Format: {@code watermark=<epoch millis>}.
 */
final class CommittedWatermark {
    private static final String PREFIX = "watermark=";

    private CommittedWatermark() {}

    static String encode(long watermarkMillis) {
        return PREFIX + watermarkMillis;
    }

    /** Empty for no commit yet, or metadata written by something else. */
    static OptionalLong decode(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(metadata.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
