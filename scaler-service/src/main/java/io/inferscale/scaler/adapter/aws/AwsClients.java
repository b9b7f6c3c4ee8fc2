package io.inferscale.scaler.adapter.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the SDK clients. The SDK's own retries are off: Resilience4j retries each attempt so that
 * every attempt is visible, recorded and counted by the circuit breaker.
 */
public final class AwsClients {
    private AwsClients() {}

    public static AutoScalingClient autoScaling(
            AwsProperties props, AwsCredentialsProvider credentials) {
        return configure(AutoScalingClient.builder(), props, credentials).build();
    }

    public static EcsClient ecs(AwsProperties props, AwsCredentialsProvider credentials) {
        return configure(EcsClient.builder(), props, credentials).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, AwsProperties props, AwsCredentialsProvider credentials) {
        builder.credentialsProvider(credentials)
                .overrideConfiguration(
                        c ->
                                c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                        .apiCallAttemptTimeout(props.attemptTimeout())
                                        .apiCallTimeout(props.attemptTimeout()));
        if (props.region() != null && !props.region().isBlank()) {
            builder.region(Region.of(props.region()));
        }
        if (props.endpointOverride() != null) {
            builder.endpointOverride(props.endpointOverride());
        }
        return builder;
    }
}
