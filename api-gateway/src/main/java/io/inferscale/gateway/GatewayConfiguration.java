package io.inferscale.gateway;

import io.inferscale.core.routing.OutlierDetector;
import io.inferscale.core.routing.learned.LearnedRouting;
import io.inferscale.gateway.adapter.routing.LearnedRoutingMetrics;
import io.inferscale.gateway.adapter.routing.ModelLoadBalancer;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.LearnedPolicyRegistry;
import io.inferscale.gateway.domain.PolicySelection;
import io.inferscale.gateway.domain.StaticReplica;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    FleetRegistry fleetRegistry(GatewayProperties properties) {
        return new FleetRegistry(
                properties.staticReplicas().stream()
                        .filter(s -> !s.isBlank())
                        .map(StaticReplica::parse)
                        .toList());
    }

    @Bean
    LearnedPolicyRegistry learnedPolicyRegistry() {
        return new LearnedPolicyRegistry();
    }

    @Bean
    PolicySelection policySelection(
            GatewayProperties properties,
            LearnedPolicyRegistry learned,
            Clock clock,
            MeterRegistry meters) {
        return new PolicySelection(
                properties.defaultPolicy(),
                new LearnedRouting(learned, clock, new LearnedRoutingMetrics(meters)));
    }

    @Bean
    OutlierDetector outlierDetector(GatewayProperties properties) {
        return new OutlierDetector(properties.outlier().toPolicy());
    }

    @Bean
    ModelLoadBalancer modelLoadBalancer(
            FleetRegistry registry, PolicySelection policies, OutlierDetector outliers) {
        return new ModelLoadBalancer(registry, policies, outliers);
    }
}
