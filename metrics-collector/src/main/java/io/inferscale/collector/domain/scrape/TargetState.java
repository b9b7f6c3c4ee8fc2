package io.inferscale.collector.domain.scrape;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.ReplicaSnapshot;
import java.time.Duration;
import java.time.Instant;

/**
 * What the collector knows about one target after its latest scrape. A failed scrape keeps the last
 * good signals (reported stale, with their age) and the last good counters, so the next good
 * scrape's deltas simply span the gap.
 *
 * @param since when the target was first seen; the age of "no data yet"
 * @param lastGood the signals of the last good scrape, {@link ReplicaSignals#NONE} before one
 * @param lastGoodAt null before the first good scrape
 * @param serverKind as declared, or as detected for {@code auto} targets
 * @param error why the latest scrape failed; null when it succeeded
 * @param lastScrapeAt null before the first scrape ends
 */
public record TargetState(
        ScrapeTarget target,
        Instant since,
        ReplicaSignals lastGood,
        Instant lastGoodAt,
        ScrapeCounters counters,
        String serverKind,
        String error,
        Instant lastScrapeAt) {

    public static TargetState initial(ScrapeTarget target, Instant now) {
        return new TargetState(
                target,
                now,
                ReplicaSignals.NONE,
                null,
                ScrapeCounters.NONE,
                target.serverKind(),
                null,
                null);
    }

    /** The target answered 2xx with this body. */
    public TargetState afterScrape(Instant at, Exposition exposition) {
        Reading reading =
                ServerAdapters.forKind(target.serverKind())
                        .read(exposition, target.selector(), counters);
        if (!reading.recognised()) {
            String why =
                    exposition.sampleCount() == 0
                            ? "no valid samples (" + exposition.malformedCount() + " bad lines)"
                            : "none of the "
                                    + exposition.sampleCount()
                                    + " samples are "
                                    + target.serverKind()
                                    + " metrics";
            return afterFailure(at, why);
        }
        String kind =
                ServerAdapters.isKnown(target.serverKind())
                        ? target.serverKind()
                        : reading.serverKind();
        return new TargetState(
                target, since, reading.signals(), at, reading.counters(), kind, null, at);
    }

    /** The scrape timed out, was refused, answered non-2xx or sent an unreadable body. */
    public TargetState afterFailure(Instant at, String why) {
        return new TargetState(target, since, lastGood, lastGoodAt, counters, serverKind, why, at);
    }

    public boolean healthy() {
        return lastScrapeAt != null && error == null;
    }

    /** How old the signals are at {@code now}: 0 after a good scrape. */
    public long ageMs(Instant now) {
        if (healthy()) {
            return 0;
        }
        Instant from = lastGoodAt != null ? lastGoodAt : since;
        return Math.max(0, Duration.between(from, now).toMillis());
    }

    /** The event for the latest scrape; {@code meta}'s event time is the scrape's end. */
    public ReplicaSnapshot snapshot(EventMeta meta) {
        ReplicaSignals s = lastGood;
        return new ReplicaSnapshot(
                meta,
                target.model(),
                target.replicaId(),
                target.address(),
                serverKind,
                healthy(),
                !healthy(),
                ageMs(meta.eventTime()),
                s.running(),
                s.waiting(),
                s.kvCacheUsage(),
                s.gpuUtilization(),
                s.ttftMs(),
                s.latencyMs());
    }
}
