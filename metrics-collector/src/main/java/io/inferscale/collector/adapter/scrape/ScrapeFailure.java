package io.inferscale.collector.adapter.scrape;

/** A scrape that reached the target but got an unusable answer; the message says why. */
final class ScrapeFailure extends RuntimeException {
    ScrapeFailure(String message) {
        super(message, null, false, false);
    }
}
