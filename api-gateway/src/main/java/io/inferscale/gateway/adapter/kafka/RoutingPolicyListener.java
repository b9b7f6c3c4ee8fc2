package io.inferscale.gateway.adapter.kafka;

import io.inferscale.contracts.RoutingPolicy;
import io.inferscale.gateway.domain.LearnedPolicyRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every gateway instance reads the whole compacted {@code routing.policies} topic (its own group,
 * from the beginning) and evaluates the policies locally: routing never waits on the rl-scheduler.
 */
@Component
public class RoutingPolicyListener {
    private static final Logger log = LoggerFactory.getLogger(RoutingPolicyListener.class);
    private final LearnedPolicyRegistry registry;

    public RoutingPolicyListener(LearnedPolicyRegistry registry) {
        this.registry = registry;
    }

    @KafkaListener(
            topics = "routing.policies",
            groupId = "api-gateway-policies-${random.uuid}",
            properties = {"auto.offset.reset=earliest"})
    public void on(ConsumerRecord<String, RoutingPolicy> record) {
        RoutingPolicy p = record.value();
        LearnedPolicyRegistry.Outcome outcome = registry.apply(record.key(), p);
        switch (outcome) {
            case INSTALLED ->
                    log.info(
                            "routing policy for {}: version {} ({}) installed, expires {}",
                            p.model(),
                            p.version(),
                            p.algorithm(),
                            p.expiresAt());
            case REJECTED ->
                    log.warn(
                            "routing policy for {} refused: {}",
                            p.model(),
                            registry.rejection(p.model()).orElse("?"));
            case REMOVED -> log.info("routing policy for {} withdrawn", record.key());
            case IGNORED_NOT_NEWER -> {}
        }
    }
}
