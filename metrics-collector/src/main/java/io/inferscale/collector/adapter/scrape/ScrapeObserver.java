package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.TargetState;
import java.time.Instant;

/** Hears what the scrape loop does: metrics and logs in the service, timings in the benchmark. */
public interface ScrapeObserver {
    /**
     * One scrape ended.
     *
     * @param due when the schedule wanted it to start
     * @param durationNanos from the request being sent to the state being updated
     * @param exposition the parsed body; null when no body was read
     */
    void scraped(
            ScrapeTarget target,
            Instant due,
            Instant started,
            long durationNanos,
            TargetState state,
            Exposition exposition);

    /** The target was still being scraped when its next scrape fell due; that one is skipped. */
    default void overrun(ScrapeTarget target) {}

    /** The target left the fleet (or this instance no longer owns its model). */
    default void removed(ScrapeTarget target) {}
}
