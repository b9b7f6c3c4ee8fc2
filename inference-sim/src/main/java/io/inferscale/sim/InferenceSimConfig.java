package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaConfig;
import java.time.Duration;

/**
 * One emulated replica.
 *
 * @param host address to bind
 * @param port port to bind; 0 picks a free one
 * @param model the model name served; requests naming another get a 404, metrics carry it as {@code
 *     model_name}
 * @param replicaId sent back in the {@code x-inferscale-replica} header
 * @param replica the serving model (LLM or simple) and its timings
 * @param speed throughput relative to {@code replica}'s: 1.0 an H100, 0.5 a slower GPU or a noisy
 *     neighbour
 * @param seed seeds service-time and error draws
 * @param slowdown initial slowdown fault, 1.0 for none
 * @param errorRate initial share of requests that fail with a 500
 * @param streamInterval how often a stream gets a chunk with the tokens generated since the last
 *     one; one chunk per token would cost 2,000 streams about 100,000 writes a second
 */
public record InferenceSimConfig(
        String host,
        int port,
        String model,
        String replicaId,
        ReplicaConfig replica,
        double speed,
        long seed,
        double slowdown,
        double errorRate,
        Duration streamInterval) {

    public InferenceSimConfig {
        if (port < 0 || port > 65535 || model == null || model.isBlank() || replicaId == null) {
            throw new IllegalArgumentException(
                    "need a port in 0..65535, a model name and a replica id");
        }
        if (!(speed > 0) || !(slowdown > 0) || !(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException(
                    "need speed > 0, slowdown > 0, error rate in [0, 1]");
        }
        if (streamInterval == null || streamInterval.isNegative() || streamInterval.isZero()) {
            throw new IllegalArgumentException("stream interval must be positive");
        }
    }

    /** Llama-3-8B on an H100 on port 8000 (vLLM's default), no faults. */
    public static InferenceSimConfig defaults() {
        return new InferenceSimConfig(
                "0.0.0.0",
                8000,
                "meta-llama/Meta-Llama-3-8B-Instruct",
                "replica-0",
                ReplicaConfig.llmDefaults(),
                1.0,
                1,
                1.0,
                0.0,
                Duration.ofMillis(50));
    }

    public InferenceSimConfig withPort(int p) {
        return new InferenceSimConfig(
                host,
                p,
                model,
                replicaId,
                replica,
                speed,
                seed,
                slowdown,
                errorRate,
                streamInterval);
    }

    public InferenceSimConfig withHost(String h) {
        return new InferenceSimConfig(
                h,
                port,
                model,
                replicaId,
                replica,
                speed,
                seed,
                slowdown,
                errorRate,
                streamInterval);
    }

    public InferenceSimConfig withModel(String m) {
        return new InferenceSimConfig(
                host,
                port,
                m,
                replicaId,
                replica,
                speed,
                seed,
                slowdown,
                errorRate,
                streamInterval);
    }

    public InferenceSimConfig withReplicaId(String id) {
        return new InferenceSimConfig(
                host, port, model, id, replica, speed, seed, slowdown, errorRate, streamInterval);
    }

    public InferenceSimConfig withReplica(ReplicaConfig r) {
        return new InferenceSimConfig(
                host, port, model, replicaId, r, speed, seed, slowdown, errorRate, streamInterval);
    }

    public InferenceSimConfig withSpeed(double s) {
        return new InferenceSimConfig(
                host,
                port,
                model,
                replicaId,
                replica,
                s,
                seed,
                slowdown,
                errorRate,
                streamInterval);
    }

    public InferenceSimConfig withSeed(long s) {
        return new InferenceSimConfig(
                host,
                port,
                model,
                replicaId,
                replica,
                speed,
                s,
                slowdown,
                errorRate,
                streamInterval);
    }

    public InferenceSimConfig withFaults(double slow, double errors) {
        return new InferenceSimConfig(
                host, port, model, replicaId, replica, speed, seed, slow, errors, streamInterval);
    }

    public InferenceSimConfig withStreamInterval(Duration d) {
        return new InferenceSimConfig(
                host, port, model, replicaId, replica, speed, seed, slowdown, errorRate, d);
    }
}
