package io.inferscale.core.routing;

/**
 * What a chooser may look at about the request being routed.
 *
 * @param prefixHashes ids of the prompt's 512-token prefix blocks (for prefix-cache-aware routing);
 *     empty if unknown
 */
public record RoutingRequest(String model, int promptTokens, long[] prefixHashes) {
    private static final long[] NONE = new long[0];

    public RoutingRequest {
        prefixHashes = prefixHashes == null ? NONE : prefixHashes;
    }

    public static RoutingRequest of(String model) {
        return new RoutingRequest(model, 0, NONE);
    }
}
