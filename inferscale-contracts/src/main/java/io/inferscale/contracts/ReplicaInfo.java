package io.inferscale.contracts;

import java.time.Instant;

/**
 * One replica of a model in {@link FleetState}.
 *
 * @param address the base URL requests and scrapes go to, e.g. {@code http://10.0.0.7:8000}
 * @param serverKind {@code vllm}, {@code triton}, {@code tgi}, {@code torchserve} or {@code
 *     inference-sim}: selects the metrics adapter
 * @param since when the replica entered its current status
 */
public record ReplicaInfo(
        String replicaId, String address, ReplicaStatus status, String serverKind, Instant since) {
    public ReplicaInfo {
        Validate.notBlank(replicaId, "replicas[].replicaId");
        Validate.notBlank(address, "replicas[].address");
        Validate.notNull(status, "replicas[].status");
        Validate.notBlank(serverKind, "replicas[].serverKind");
        Validate.notNull(since, "replicas[].since");
        if (!address.startsWith("http://") && !address.startsWith("https://")) {
            throw new InvalidEventException(
                    "replicas[].address must be an http(s) URL, was " + address);
        }
    }
}
