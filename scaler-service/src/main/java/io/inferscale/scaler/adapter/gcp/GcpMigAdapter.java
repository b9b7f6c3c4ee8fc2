package io.inferscale.scaler.adapter.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.ManagedInstanceInstanceHealth;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.ResizeInstanceGroupManagerRequest;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Zonal managed instance groups: {@code instanceGroupManagers.resize} to act, {@code get} and
 * {@code listManagedInstances} to observe. The target is {@code project/zone/mig}.
 *
 * <p>Resize is sent through the plain callable: the returned zone operation is checked for an
 * immediate error, not polled to completion. Whether the instances came up is what {@link #observe}
 * reports on the next tick; blocking the scaler for minutes of VM boot would not make it any truer.
 */
public final class GcpMigAdapter implements ProviderAdapter {
    public static final String PROVIDER = "gcp-mig";

    /** Instances on their way out no longer count as capacity. */
    private static final Set<String> LEAVING = Set.of("DELETING", "ABANDONING");

    private final InstanceGroupManagersClient client;
    private final Clock clock;

    public GcpMigAdapter(InstanceGroupManagersClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        Mig mig = Mig.parse(target.target());
        InstanceGroupManager group;
        List<ManagedInstance> instances = new ArrayList<>();
        try {
            group = client.get(mig.project(), mig.zone(), mig.name());
            client.listManagedInstances(mig.project(), mig.zone(), mig.name())
                    .iterateAll()
                    .forEach(instances::add);
        } catch (ApiException e) {
            throw GcpErrors.classify(e, "get " + mig);
        }
        List<ManagedInstance> live =
                instances.stream().filter(i -> !LEAVING.contains(i.getCurrentAction())).toList();
        long ready = live.stream().filter(GcpMigAdapter::serving).count();
        return new ProviderState(
                target,
                group.getTargetSize(),
                live.size(),
                (int) ready,
                List.of(),
                clock.instant());
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        Mig mig = Mig.parse(target.target());
        Operation op;
        try {
            op =
                    client.resizeCallable()
                            .call(
                                    ResizeInstanceGroupManagerRequest.newBuilder()
                                            .setProject(mig.project())
                                            .setZone(mig.zone())
                                            .setInstanceGroupManager(mig.name())
                                            .setSize(desiredReplicas)
                                            .build());
        } catch (ApiException e) {
            throw GcpErrors.classify(e, "resize " + mig);
        }
        if (op.hasError() && op.getError().getErrorsCount() > 0) {
            throw new ProviderException(
                    op.getHttpErrorStatusCode() >= 500
                            ? FailureKind.SERVER_ERROR
                            : FailureKind.INVALID_REQUEST,
                    "resize "
                            + mig
                            + ": operation "
                            + op.getName()
                            + " failed: "
                            + op.getError().getErrorsList().stream()
                                    .map(e -> e.getCode() + ": " + e.getMessage())
                                    .toList());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static boolean serving(ManagedInstance i) {
        boolean healthy =
                i.getInstanceHealthList().stream()
                        .map(ManagedInstanceInstanceHealth::getDetailedHealthState)
                        .allMatch("HEALTHY"::equals);
        return "NONE".equals(i.getCurrentAction())
                && "RUNNING".equals(i.getInstanceStatus())
                && healthy;
    }

    /** {@code project/zone/mig}, as policies name MIG targets. */
    record Mig(String project, String zone, String name) {
        static Mig parse(String target) {
            String[] parts = target.split("/", -1);
            if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
                throw new ProviderException(
                        FailureKind.INVALID_TARGET,
                        "GCP MIG target must be project/zone/mig, was '" + target + "'");
            }
            return new Mig(parts[0], parts[1], parts[2]);
        }

        @Override
        public String toString() {
            return project + "/" + zone + "/" + name;
        }
    }
}
