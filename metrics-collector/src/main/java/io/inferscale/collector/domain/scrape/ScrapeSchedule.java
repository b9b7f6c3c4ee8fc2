package io.inferscale.collector.domain.scrape;

import java.time.Duration;

/**
 * When in each interval a target is scraped. Like Prometheus, each target gets a fixed offset from
 * a hash of its key, so 1,000 targets spread evenly over the interval instead of arriving as one
 * burst, and each target is still scraped exactly one interval apart (which keeps its histogram
 * deltas comparable).
 */
public final class ScrapeSchedule {
    private ScrapeSchedule() {}

    /**
     * @param jitter the share of the interval the offsets spread over: 1 spreads over all of it, 0
     *     scrapes every target at the start of the interval
     */
    public static Duration offset(String key, Duration interval, double jitter) {
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
        }
        long spread = (long) (interval.toNanos() * jitter);
        if (spread <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.floorMod(hash(key), spread));
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser for a well-mixed 64 bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
