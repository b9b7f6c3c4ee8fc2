package io.inferscale.scaler.adapter.execution;

import com.google.cloud.compute.v1.InstanceGroupManagersSettings;
import io.inferscale.scaler.adapter.aws.AwsAutoScalingAdapter;
import io.inferscale.scaler.adapter.aws.AwsClients;
import io.inferscale.scaler.adapter.aws.AwsEcsAdapter;
import io.inferscale.scaler.adapter.gcp.GcpClients;
import io.inferscale.scaler.adapter.gcp.GcpMigAdapter;
import io.inferscale.scaler.adapter.k8s.KubernetesClients;
import io.inferscale.scaler.adapter.k8s.KubernetesScaleAdapter;
import io.inferscale.scaler.adapter.local.LocalProcessAdapter;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Builds the adapter of one enabled provider from its settings. Adding a provider: an adapter under
 * {@code adapter/<provider>}, its settings record in {@link ExecutionProperties}, a name in {@link
 * ExecutionProperties#PROVIDER_NAMES}, and a case here (docs/adr/0009).
 */
final class ProviderAdapterFactory {
    private final ExecutionProperties props;
    private final Supplier<AwsCredentialsProvider> awsCredentials;
    private final Clock clock;

    ProviderAdapterFactory(
            ExecutionProperties props,
            Supplier<AwsCredentialsProvider> awsCredentials,
            Clock clock) {
        this.props = props;
        this.awsCredentials = awsCredentials;
        this.clock = clock;
    }

    ProviderAdapter create(String provider) {
        return switch (provider) {
            case AwsAutoScalingAdapter.PROVIDER ->
                    new AwsAutoScalingAdapter(
                            AwsClients.autoScaling(props.aws(), awsCredentials.get()),
                            props.aws().honorCooldown(),
                            clock);
            case AwsEcsAdapter.PROVIDER ->
                    new AwsEcsAdapter(AwsClients.ecs(props.aws(), awsCredentials.get()), clock);
            case GcpMigAdapter.PROVIDER ->
                    new GcpMigAdapter(
                            GcpClients.instanceGroupManagers(
                                    props.gcp(),
                                    InstanceGroupManagersSettings
                                            .defaultCredentialsProviderBuilder()
                                            .build()),
                            clock);
            case KubernetesScaleAdapter.PROVIDER ->
                    new KubernetesScaleAdapter(
                            KubernetesClients.create(props.kubernetes()),
                            props.kubernetes().replicaPort(),
                            props.kubernetes().serverKind(),
                            clock);
            case LocalProcessAdapter.PROVIDER -> new LocalProcessAdapter(props.local(), clock);
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }
}
