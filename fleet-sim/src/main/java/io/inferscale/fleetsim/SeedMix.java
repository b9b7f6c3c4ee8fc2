package io.inferscale.fleetsim;

/** Derives independent seeds from one run seed, so each replica and the router draw apart. */
final class SeedMix {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedMix() {}

    static long mix(long seed, long key) {
        return mix64(seed ^ mix64(key + GOLDEN_GAMMA));
    }

    /** SplitMix64's finaliser (Stafford's variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
