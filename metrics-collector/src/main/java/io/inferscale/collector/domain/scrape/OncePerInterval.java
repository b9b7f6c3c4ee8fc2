package io.inferscale.collector.domain.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets something happen at most once per interval per key: a broken target logs its malformed lines
 * once a minute, not 12 times, while its counter still counts every line.
 */
public final class OncePerInterval {
    private final Duration interval;
    private final ConcurrentMap<String, Instant> last = new ConcurrentHashMap<>();

    public OncePerInterval(Duration interval) {
        this.interval = interval;
    }

    public boolean tryAcquire(String key, Instant now) {
        boolean[] granted = {false};
        last.compute(
                key,
                (k, previous) -> {
                    if (previous == null || !now.isBefore(previous.plus(interval))) {
                        granted[0] = true;
                        return now;
                    }
                    return previous;
                });
        return granted[0];
    }

    public void forget(String key) {
        last.remove(key);
    }
}
