package io.inferscale.core.trace;

import java.util.SplittableRandom;

/**
 * One independent random stream per (seed, key), e.g. per minute or per timestamp slot. Keying by
 * position instead of drawing from one sequential generator means a windowed replay ({@code
 * --from/--to}) draws exactly the jitter that the full replay draws for the same stretch, so a
 * window is a subsequence of the whole.
 */
final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    static SplittableRandom forKey(long seed, long key) {
        // Mixing twice keeps (seed, key) and (seed', key') from landing on overlapping
        // SplittableRandom sequences,
        // which plain seed + key would (its states advance by GOLDEN_GAMMA).
        return new SplittableRandom(mix64(seed ^ mix64(key + GOLDEN_GAMMA)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
