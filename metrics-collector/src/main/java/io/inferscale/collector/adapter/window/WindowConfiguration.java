package io.inferscale.collector.adapter.window;

import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.contracts.EventCodec;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the demand-window consumer; {@code inferscale.collector.windows.enabled=false} turns it
 * off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
        prefix = "inferscale.collector.windows",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
class WindowConfiguration {

    @Bean
    DemandWindowSink demandWindowSink(
            EventPublisher publisher, RollupRepository rollups, ServiceIdentity identity) {
        return new DemandWindowSink(publisher, rollups, identity, Duration.ofSeconds(30));
    }

    @Bean
    DemandWindowConsumer demandWindowConsumer(
            KafkaProperties kafka,
            EventCodec codec,
            WindowProperties properties,
            DemandWindowSink sink,
            Clock clock,
            MeterRegistry meters) {
        return new DemandWindowConsumer(
                kafka.buildConsumerProperties(),
                codec,
                properties,
                sink,
                clock,
                new WindowMetrics(meters),
                "demand-windows");
    }
}
