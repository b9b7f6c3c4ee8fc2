package io.inferscale.scaler.adapter.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Deployments and StatefulSets through their {@code scale} subresource (what {@code kubectl scale}
 * and the HPA use), so it works for any workload that serves a model: plain vLLM Deployments,
 * KServe predictors, LeaderWorkerSets' StatefulSets. Observing reads the workload's status and its
 * pods, whose IPs are the replica addresses.
 */
public final class KubernetesScaleAdapter implements ProviderAdapter {
    public static final String PROVIDER = "kubernetes";

    private final KubernetesClient client;
    private final Integer replicaPort;
    private final String serverKind;
    private final Clock clock;

    /**
     * @param replicaPort the port requests go to; null to take each pod's first container port
     */
    public KubernetesScaleAdapter(
            KubernetesClient client, Integer replicaPort, String serverKind, Clock clock) {
        this.client = client;
        this.replicaPort = replicaPort;
        this.serverKind = serverKind;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        Workload w = Workload.parse(target.target());
        try {
            WorkloadStatus s = status(w);
            List<ReplicaInfo> replicas =
                    client
                            .pods()
                            .inNamespace(w.namespace())
                            .withLabelSelector(s.selector())
                            .list()
                            .getItems()
                            .stream()
                            .map(this::replica)
                            .filter(Objects::nonNull)
                            .toList();
            return new ProviderState(
                    target, s.desired(), s.current(), s.ready(), replicas, clock.instant());
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.classify(e, "observe " + w);
        }
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        Workload w = Workload.parse(target.target());
        // No resourceVersion: an absolute count needs no optimistic lock, and one PUT is enough.
        Scale scale =
                new ScaleBuilder()
                        .withNewMetadata()
                        .withNamespace(w.namespace())
                        .withName(w.name())
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(desiredReplicas)
                        .endSpec()
                        .build();
        try {
            resource(w).scale(scale);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.classify(e, "scale " + w);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private ScalableResource<?> resource(Workload w) {
        return switch (w.kind()) {
            case DEPLOYMENT ->
                    client.apps().deployments().inNamespace(w.namespace()).withName(w.name());
            case STATEFULSET ->
                    client.apps().statefulSets().inNamespace(w.namespace()).withName(w.name());
        };
    }

    private record WorkloadStatus(int desired, int current, int ready, LabelSelector selector) {}

    private WorkloadStatus status(Workload w) {
        return switch (w.kind()) {
            case DEPLOYMENT -> {
                Deployment d =
                        client.apps()
                                .deployments()
                                .inNamespace(w.namespace())
                                .withName(w.name())
                                .get();
                if (d == null) {
                    throw notFound(w);
                }
                var st = d.getStatus();
                yield new WorkloadStatus(
                        orDefault(d.getSpec().getReplicas(), 1),
                        st == null ? 0 : orDefault(st.getReplicas(), 0),
                        st == null ? 0 : orDefault(st.getReadyReplicas(), 0),
                        d.getSpec().getSelector());
            }
            case STATEFULSET -> {
                StatefulSet s =
                        client.apps()
                                .statefulSets()
                                .inNamespace(w.namespace())
                                .withName(w.name())
                                .get();
                if (s == null) {
                    throw notFound(w);
                }
                var st = s.getStatus();
                yield new WorkloadStatus(
                        orDefault(s.getSpec().getReplicas(), 1),
                        st == null ? 0 : orDefault(st.getReplicas(), 0),
                        st == null ? 0 : orDefault(st.getReadyReplicas(), 0),
                        s.getSpec().getSelector());
            }
        };
    }

    /** A pod as a replica, or null while it has no address to publish. */
    private ReplicaInfo replica(Pod pod) {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        Integer port = replicaPort != null ? replicaPort : firstContainerPort(pod);
        if (ip == null || ip.isBlank() || port == null) {
            return null;
        }
        Optional<PodCondition> ready =
                pod.getStatus().getConditions() == null
                        ? Optional.empty()
                        : pod.getStatus().getConditions().stream()
                                .filter(c -> "Ready".equals(c.getType()))
                                .findFirst();
        ReplicaStatus status;
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            status = ReplicaStatus.DRAINING;
        } else if ("Failed".equals(pod.getStatus().getPhase())) {
            status = ReplicaStatus.FAILED;
        } else if (ready.map(c -> "True".equals(c.getStatus())).orElse(false)) {
            status = ReplicaStatus.READY;
        } else {
            status = ReplicaStatus.STARTING;
        }
        Instant since =
                ready.map(PodCondition::getLastTransitionTime)
                        .or(() -> Optional.ofNullable(pod.getMetadata().getCreationTimestamp()))
                        .map(this::instant)
                        .orElseGet(clock::instant);
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        return new ReplicaInfo(
                pod.getMetadata().getName(),
                "http://" + host + ":" + port,
                status,
                serverKind,
                since);
    }

    private static Integer firstContainerPort(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return null;
        }
        return pod.getSpec().getContainers().stream()
                .map(Container::getPorts)
                .filter(ports -> ports != null && !ports.isEmpty())
                .map(ports -> ports.get(0))
                .map(ContainerPort::getContainerPort)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private Instant instant(String rfc3339) {
        try {
            return Instant.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static int orDefault(Integer n, int dflt) {
        return n == null ? dflt : n;
    }

    private static ProviderException notFound(Workload w) {
        return new ProviderException(FailureKind.NOT_FOUND, w + " not found");
    }
}
