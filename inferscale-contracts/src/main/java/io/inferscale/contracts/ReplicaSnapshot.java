package io.inferscale.contracts;

/**
 * One scrape of one replica's metrics endpoint, mapped from the server's own names (vLLM, Triton,
 * TGI, TorchServe) to one signal set (topic {@code telemetry.replicas}). A signal the server does
 * not expose is null, never zero.
 *
 * @param stale true when this scrape failed and the signals are the last good ones, {@code ageMs}
 *     old
 * @param ttftMs TTFT quantiles from the histogram delta since the previous scrape
 */
public record ReplicaSnapshot(
        EventMeta meta,
        String model,
        String replicaId,
        String address,
        String serverKind,
        boolean healthy,
        boolean stale,
        long ageMs,
        Double running,
        Double waiting,
        Double kvCacheUsage,
        Double gpuUtilization,
        Quantiles ttftMs,
        Quantiles latencyMs)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public ReplicaSnapshot {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.notBlank(replicaId, "replicaId");
        Validate.notBlank(address, "address");
        Validate.notBlank(serverKind, "serverKind");
        Validate.nonNegative(ageMs, "ageMs");
        Validate.nonNegative(running, "running");
        Validate.nonNegative(waiting, "waiting");
        Validate.fraction(kvCacheUsage, "kvCacheUsage");
        Validate.fraction(gpuUtilization, "gpuUtilization");
    }
}
