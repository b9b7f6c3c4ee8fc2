package io.inferscale.scaler.adapter.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.inferscale.scaler.domain.execution.ActionRecorder;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ScalingExecutor;
import io.inferscale.scaler.domain.execution.ScalingExecutors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Wires one {@link ResilientScalingExecutor} per enabled provider: its adapter, the shared retry
 * config, its own circuit breaker (named after the provider), the JDBC action recorder and the
 * metrics.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    /** The SDK's default chain; its credentials are resolved per request and never logged. */
    @Bean(destroyMethod = "close")
    AwsCredentialsProvider awsCredentialsProvider() {
        return DefaultCredentialsProvider.builder().build();
    }

    @Bean
    CircuitBreakerRegistry providerCircuitBreakers(
            ExecutionProperties props, MeterRegistry meters) {
        CircuitBreakerRegistry registry =
                CircuitBreakerRegistry.of(props.circuitBreaker().toCircuitBreakerConfig());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean(destroyMethod = "close")
    ProviderAdapters providerAdapters(
            ExecutionProperties props,
            ObjectProvider<AwsCredentialsProvider> awsCredentials,
            Clock clock) {
        ProviderAdapterFactory factory =
                new ProviderAdapterFactory(props, awsCredentials::getObject, clock);
        List<ProviderAdapter> adapters = new ArrayList<>();
        try {
            for (String provider : props.enabled().stream().sorted().toList()) {
                adapters.add(factory.create(provider));
            }
        } catch (RuntimeException e) {
            new ProviderAdapters(adapters).close();
            throw e;
        }
        return new ProviderAdapters(adapters);
    }

    @Bean
    ScalingExecutors scalingExecutors(
            ProviderAdapters adapters,
            ExecutionProperties props,
            CircuitBreakerRegistry breakers,
            ActionRecorder recorder,
            MeterRegistry meters,
            Clock clock) {
        RetryConfig retry = props.retry().toRetryConfig();
        ExecutionMetrics metrics = new ExecutionMetrics(meters);
        List<ScalingExecutor> executors =
                adapters.all().stream()
                        .<ScalingExecutor>map(
                                a ->
                                        new ResilientScalingExecutor(
                                                a,
                                                retry,
                                                breakers.circuitBreaker(a.provider()),
                                                recorder,
                                                metrics,
                                                clock))
                        .toList();
        return new ScalingExecutors(executors);
    }
}
