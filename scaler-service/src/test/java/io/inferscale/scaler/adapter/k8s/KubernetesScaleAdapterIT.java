package io.inferscale.scaler.adapter.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Observing through fabric8's mock API server in CRUD mode. (Scaling is tested against recorded
 * expectations in {@link KubernetesScaleRequestIT}: the CRUD mode knows the status subresource but
 * not scale, and would store the Scale body in place of the workload.)
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesScaleAdapterIT {
    static final Map<String, String> LABELS = Map.of("app", "vllm-llama");

    KubernetesClient client;
    KubernetesMockServer server;
    KubernetesScaleAdapter adapter;

    @BeforeEach
    void adapter() {
        adapter = new KubernetesScaleAdapter(client, null, "vllm", Clock.systemUTC());
    }

    static ScalingTarget target(String t) {
        return new ScalingTarget("llm-demo", KubernetesScaleAdapter.PROVIDER, t);
    }

    @Test
    void observeReportsCountsAndTheAddressesOfItsPods() {
        Deployment d = deployment("vllm-llama", 3);
        d.setStatus(new DeploymentStatusBuilder().withReplicas(3).withReadyReplicas(2).build());
        client.resource(d).create();
        client.resource(pod("vllm-llama-a", LABELS, "10.0.0.1", "True")).create();
        client.resource(pod("vllm-llama-b", LABELS, "10.0.0.2", "False")).create();
        client.resource(pod("vllm-llama-c", LABELS, null, "False")).create();
        client.resource(pod("other-x", Map.of("app", "other"), "10.0.0.9", "True")).create();

        ProviderState state = adapter.observe(target("ml/vllm-llama"));

        assertThat(state.desiredReplicas()).isEqualTo(3);
        assertThat(state.currentReplicas()).isEqualTo(3);
        assertThat(state.readyReplicas()).isEqualTo(2);
        assertThat(state.replicas())
                .extracting(ReplicaInfo::replicaId, ReplicaInfo::address, ReplicaInfo::status)
                .containsExactlyInAnyOrder(
                        tuple("vllm-llama-a", "http://10.0.0.1:8000", ReplicaStatus.READY),
                        tuple("vllm-llama-b", "http://10.0.0.2:8000", ReplicaStatus.STARTING));
        assertThat(state.readyEndpoints())
                .extracting(ReplicaInfo::replicaId)
                .containsExactly("vllm-llama-a");
        assertThat(state.replicas()).allSatisfy(r -> assertThat(r.serverKind()).isEqualTo("vllm"));
    }

    @Test
    void observesAStatefulSet() {
        client.resource(
                        new StatefulSetBuilder()
                                .withNewMetadata()
                                .withName("tgi")
                                .withNamespace("ml")
                                .endMetadata()
                                .withNewSpec()
                                .withReplicas(2)
                                .withNewSelector()
                                .withMatchLabels(Map.of("app", "tgi"))
                                .endSelector()
                                .endSpec()
                                .build())
                .create();

        ProviderState state = adapter.observe(target("ml/statefulset/tgi"));

        assertThat(state.desiredReplicas()).isEqualTo(2);
        assertThat(state.readyReplicas()).isZero();
        assertThat(state.replicas()).isEmpty();
    }

    @Test
    void aMissingWorkloadIsNotFound() {
        assertThatThrownBy(() -> adapter.observe(target("ml/absent")))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ml")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(LABELS)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(LABELS)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("vllm")
                .withImage("vllm/vllm-openai")
                .addNewPort()
                .withContainerPort(8000)
                .endPort()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static Pod pod(String name, Map<String, String> labels, String ip, String ready) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ml")
                .withLabels(labels)
                .withCreationTimestamp("2026-11-25T12:00:00Z")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("vllm")
                .withImage("vllm/vllm-openai")
                .addNewPort()
                .withContainerPort(8000)
                .endPort()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withPodIP(ip)
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .withLastTransitionTime("2026-11-25T12:01:00Z")
                .endCondition()
                .endStatus()
                .build();
    }
}
