package io.inferscale.scaler.adapter.k8s;

import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import java.util.List;

/**
 * A scalable workload as policies name it: {@code namespace/name} (a Deployment), or {@code
 * namespace/deployment/name} and {@code namespace/statefulset/name}.
 */
record Workload(String namespace, Kind kind, String name) {
    enum Kind {
        DEPLOYMENT,
        STATEFULSET
    }

    static Workload parse(String target) {
        String[] parts = target.split("/", -1);
        if (List.of(parts).stream().anyMatch(String::isBlank)) {
            throw invalid(target);
        }
        return switch (parts.length) {
            case 2 -> new Workload(parts[0], Kind.DEPLOYMENT, parts[1]);
            case 3 ->
                    switch (parts[1].toLowerCase()) {
                        case "deployment", "deployments" ->
                                new Workload(parts[0], Kind.DEPLOYMENT, parts[2]);
                        case "statefulset", "statefulsets" ->
                                new Workload(parts[0], Kind.STATEFULSET, parts[2]);
                        default -> throw invalid(target);
                    };
            default -> throw invalid(target);
        };
    }

    private static ProviderException invalid(String target) {
        return new ProviderException(
                FailureKind.INVALID_TARGET,
                "Kubernetes target must be namespace/name, namespace/deployment/name or"
                        + " namespace/statefulset/name, was '"
                        + target
                        + "'");
    }

    @Override
    public String toString() {
        return namespace + "/" + kind.name().toLowerCase() + "/" + name;
    }
}
