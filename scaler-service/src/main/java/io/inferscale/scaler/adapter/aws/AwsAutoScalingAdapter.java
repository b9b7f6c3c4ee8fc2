package io.inferscale.scaler.adapter.aws;

import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;

/**
 * EC2 Auto Scaling groups: {@code SetDesiredCapacity} to act, {@code DescribeAutoScalingGroups} to
 * observe. The target is the group name. Instance addresses are not known here (the replicas
 * register elsewhere), so the state carries counts only.
 */
public final class AwsAutoScalingAdapter implements ProviderAdapter {
    public static final String PROVIDER = "aws-asg";

    private final AutoScalingClient client;
    private final boolean honorCooldown;
    private final Clock clock;

    public AwsAutoScalingAdapter(AutoScalingClient client, boolean honorCooldown, Clock clock) {
        this.client = client;
        this.honorCooldown = honorCooldown;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        String group = target.target();
        List<AutoScalingGroup> groups;
        try {
            groups =
                    client.describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                            .autoScalingGroups();
        } catch (SdkException e) {
            throw AwsErrors.classify(e, "DescribeAutoScalingGroups " + group);
        }
        AutoScalingGroup g =
                groups.stream()
                        .filter(x -> group.equals(x.autoScalingGroupName()))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ProviderException(
                                                FailureKind.NOT_FOUND,
                                                "Auto Scaling group " + group + " not found"));
        List<Instance> live = g.instances().stream().filter(AwsAutoScalingAdapter::counts).toList();
        long ready = live.stream().filter(AwsAutoScalingAdapter::serving).count();
        return new ProviderState(
                target, g.desiredCapacity(), live.size(), (int) ready, List.of(), clock.instant());
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        try {
            client.setDesiredCapacity(
                    r ->
                            r.autoScalingGroupName(target.target())
                                    .desiredCapacity(desiredReplicas)
                                    .honorCooldown(honorCooldown));
        } catch (SdkException e) {
            throw AwsErrors.classify(e, "SetDesiredCapacity " + target.target());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Instances on their way out no longer count as capacity. */
    private static boolean counts(Instance i) {
        LifecycleState s = i.lifecycleState();
        return s == null || !s.toString().startsWith("Terminat") && s != LifecycleState.DETACHED;
    }

    private static boolean serving(Instance i) {
        return i.lifecycleState() == LifecycleState.IN_SERVICE
                && "Healthy".equalsIgnoreCase(i.healthStatus());
    }
}
