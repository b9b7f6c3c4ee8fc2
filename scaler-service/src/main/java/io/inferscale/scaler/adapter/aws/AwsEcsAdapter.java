package io.inferscale.scaler.adapter.aws;

import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * ECS services: {@code UpdateService(desiredCount)} to act, {@code DescribeServices} to observe.
 * The target is {@code cluster/service}. Running tasks count as ready, pending ones as current.
 */
public final class AwsEcsAdapter implements ProviderAdapter {
    public static final String PROVIDER = "aws-ecs";

    private final EcsClient client;
    private final Clock clock;

    public AwsEcsAdapter(EcsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        EcsService ref = EcsService.parse(target.target());
        DescribeServicesResponse response;
        try {
            response =
                    client.describeServices(r -> r.cluster(ref.cluster()).services(ref.service()));
        } catch (SdkException e) {
            throw AwsErrors.classify(e, "DescribeServices " + ref);
        }
        Service s =
                response.services().stream()
                        .filter(x -> !"INACTIVE".equals(x.status()))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ProviderException(
                                                FailureKind.NOT_FOUND,
                                                "ECS service "
                                                        + ref
                                                        + " not found: "
                                                        + response.failures()));
        int running = orZero(s.runningCount());
        return new ProviderState(
                target,
                orZero(s.desiredCount()),
                running + orZero(s.pendingCount()),
                running,
                List.of(),
                clock.instant());
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        EcsService ref = EcsService.parse(target.target());
        try {
            client.updateService(
                    r ->
                            r.cluster(ref.cluster())
                                    .service(ref.service())
                                    .desiredCount(desiredReplicas));
        } catch (SdkException e) {
            throw AwsErrors.classify(e, "UpdateService " + ref);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** {@code cluster/service}, as policies name ECS targets. */
    record EcsService(String cluster, String service) {
        static EcsService parse(String target) {
            String[] parts = target.split("/", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new ProviderException(
                        FailureKind.INVALID_TARGET,
                        "ECS target must be cluster/service, was '" + target + "'");
            }
            return new EcsService(parts[0], parts[1]);
        }

        @Override
        public String toString() {
            return cluster + "/" + service;
        }
    }
}
