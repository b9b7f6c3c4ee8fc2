package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.FleetView;
import io.inferscale.collector.domain.scrape.ScrapeTarget;
import io.inferscale.collector.domain.scrape.StaticTargets;
import io.inferscale.contracts.Topics;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires replica scraping and the fleet view. */
@Configuration(proxyBeanMethods = false)
public class ScrapeConfiguration {

    @Bean
    FleetView fleetView() {
        return new FleetView();
    }

    @Bean
    FleetViewListener fleetViewListener(FleetView view, Clock clock, ScrapeProperties properties) {
        return new FleetViewListener(view, clock, properties.viewExpireAfter());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(
            prefix = "inferscale.collector.scrape",
            name = "enabled",
            matchIfMissing = true)
    static class Scraping {

        @Bean
        TargetRegistry scrapeTargetRegistry(ScrapeProperties p) {
            List<ScrapeTarget> statics =
                    StaticTargets.parse(
                            p.staticTargets(),
                            p.staticServerKind(),
                            p.metricsPorts(),
                            p.metricsPath());
            return new TargetRegistry(
                    Topics.FLEET_STATE.partitions(),
                    statics,
                    (model, r) ->
                            ScrapeTarget.of(
                                    model,
                                    r.replicaId(),
                                    r.address(),
                                    r.serverKind(),
                                    p.metricsPorts(),
                                    p.metricsPath()));
        }

        @Bean
        FleetStateTargetListener fleetStateTargetListener(TargetRegistry registry) {
            return new FleetStateTargetListener(registry);
        }

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService scrapeWorkers(ScrapeProperties p) {
            AtomicInteger n = new AtomicInteger();
            return Executors.newFixedThreadPool(
                    p.workerThreads(),
                    r -> {
                        Thread t = new Thread(r, "scrape-worker-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
        }

        @Bean(destroyMethod = "close")
        KafkaSnapshotSink kafkaSnapshotSink(
                EventPublisher publisher, ScrapeProperties p, MeterRegistry meters, Clock clock) {
            return new KafkaSnapshotSink(publisher, p.publishBuffer(), meters, clock);
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        ScrapeLoop scrapeLoop(
                TargetRegistry registry,
                KafkaSnapshotSink sink,
                ExecutorService scrapeWorkers,
                ScrapeProperties p,
                MeterRegistry meters,
                Clock clock,
                ServiceIdentity identity) {
            meters.gauge("inferscale.collector.scrape.targets", registry, r -> r.get().size());
            return new ScrapeLoop(
                    registry,
                    new HttpScraper(scrapeWorkers, p.timeout(), p.maxBodySize().toBytes()),
                    sink,
                    new ScrapeMetrics(meters, p.malformedLogInterval()),
                    scrapeWorkers,
                    clock,
                    identity.producer(),
                    p.interval(),
                    p.jitter(),
                    p.maxConcurrency(),
                    p.tick());
        }
    }
}
