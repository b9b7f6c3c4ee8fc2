package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.OncePerInterval;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.TargetState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters and logs for scraping. Per-target meters are limited to the malformed-line
 * counter the issue asks for (and are removed with the target); everything else is aggregated, so
 * 1,000 targets do not make 10,000 series.
 */
public final class ScrapeMetrics implements ScrapeObserver {
    static final String MALFORMED = "inferscale.collector.scrape.malformed.lines";
    static final String SCRAPES = "inferscale.collector.scrape.scrapes";

    private static final Logger log = LoggerFactory.getLogger(ScrapeMetrics.class);

    private final MeterRegistry meters;
    private final OncePerInterval malformedLog;
    private final OncePerInterval failureLog;
    private final Counter ok;
    private final Counter failed;
    private final Counter overruns;
    private final Timer duration;
    private final Timer lag;
    private final ConcurrentMap<String, Counter> malformed = new ConcurrentHashMap<>();

    public ScrapeMetrics(MeterRegistry meters, Duration logInterval) {
        this.meters = meters;
        this.malformedLog = new OncePerInterval(logInterval);
        this.failureLog = new OncePerInterval(logInterval);
        this.ok = meters.counter(SCRAPES, "outcome", "ok");
        this.failed = meters.counter(SCRAPES, "outcome", "failed");
        this.overruns = meters.counter("inferscale.collector.scrape.overruns");
        this.duration = meters.timer("inferscale.collector.scrape.duration");
        this.lag = meters.timer("inferscale.collector.scrape.lag");
    }

    @Override
    public void scraped(
            ScrapeTarget target,
            Instant due,
            Instant started,
            long durationNanos,
            TargetState state,
            Exposition exposition) {
        duration.record(Duration.ofNanos(durationNanos));
        lag.record(
                Duration.between(due, started).isNegative()
                        ? Duration.ZERO
                        : Duration.between(due, started));
        Instant at = state.lastScrapeAt();
        if (exposition != null && exposition.malformedCount() > 0) {
            malformedCounter(target).increment(exposition.malformedCount());
            if (malformedLog.tryAcquire(target.key(), at)) {
                log.warn(
                        "target {} ({} at {}): skipped {} malformed exposition lines, first: {}",
                        target.replicaId(),
                        target.model(),
                        target.metricsUri(),
                        exposition.malformedCount(),
                        exposition.malformed().isEmpty() ? "?" : exposition.malformed().get(0));
            }
        }
        if (state.healthy()) {
            ok.increment();
        } else {
            failed.increment();
            if (failureLog.tryAcquire(target.key(), at)) {
                log.warn(
                        "target {} ({} at {}): scrape failed: {}; publishing stale signals",
                        target.replicaId(),
                        target.model(),
                        target.metricsUri(),
                        state.error());
            }
        }
    }

    @Override
    public void overrun(ScrapeTarget target) {
        overruns.increment();
    }

    @Override
    public void removed(ScrapeTarget target) {
        Counter c = malformed.remove(target.key());
        if (c != null) {
            meters.remove(c);
        }
        malformedLog.forget(target.key());
        failureLog.forget(target.key());
    }

    private Counter malformedCounter(ScrapeTarget target) {
        return malformed.computeIfAbsent(
                target.key(),
                k ->
                        Counter.builder(MALFORMED)
                                .description("Exposition lines skipped as malformed")
                                .tag("model", target.model())
                                .tag("target", target.replicaId())
                                .register(meters));
    }
}
