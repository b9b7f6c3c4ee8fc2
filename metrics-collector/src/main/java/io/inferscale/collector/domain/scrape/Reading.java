package io.inferscale.collector.domain.scrape;

/**
 * What an adapter made of one scrape.
 *
 * @param serverKind the adapter that read it ({@code vllm}, {@code triton}, ...)
 * @param recognised whether the exposition held any metric this adapter knows; a 200 answer with
 *     none of them (garbage, or the wrong server kind) is a failed scrape
 * @param counters the cumulative values the next scrape's deltas start from
 */
public record Reading(
        String serverKind, boolean recognised, ReplicaSignals signals, ScrapeCounters counters) {}
