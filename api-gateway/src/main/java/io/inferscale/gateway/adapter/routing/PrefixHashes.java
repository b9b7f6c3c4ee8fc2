package io.inferscale.gateway.adapter.routing;

/**
 * Parses the {@code x-prefix-hashes} header: comma-separated ids of the prompt's 512-token prefix
 * blocks.
 */
final class PrefixHashes {
    static final String HEADER = "x-prefix-hashes";
    private static final long[] NONE = new long[0];

    private PrefixHashes() {}

    static long[] parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String[] parts = header.split(",");
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        HEADER + ": '" + parts[i].trim() + "' is not an integer");
            }
        }
        return ids;
    }
}
