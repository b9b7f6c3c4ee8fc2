package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.ScrapeTarget;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one target's exposition text without blocking the caller. The future fails on timeout,
 * connection errors, non-2xx answers and oversized bodies.
 */
public interface Scraper {
    CompletableFuture<String> fetch(ScrapeTarget target);
}
