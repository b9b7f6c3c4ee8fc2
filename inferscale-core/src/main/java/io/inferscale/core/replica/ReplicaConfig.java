package io.inferscale.core.replica;

/**
 * How one replica serves requests. Times are nanoseconds at speed factor 1.0 (one H100-class GPU);
 * a {@link ReplicaModel}'s speed factor and slowdown scale them.
 *
 * <p>The LLM defaults stand for Llama-3-8B (BF16) on one H100 SXM 80 GB under vLLM. They are
 * approximations derived from public figures, meant to be replaced by calibrated values
 * (rl-scheduler calibrates from telemetry):
 *
 * <ul>
 *   <li>{@code prefillNanosPerToken = 40 µs} (about 25,000 prompt tokens/s): a forward pass costs
 *       about 2 FLOPs per parameter per token, 16 GFLOP for 8B parameters; the NVIDIA H100 SXM
 *       datasheet gives 989 TFLOPS dense BF16; at an assumed 40% model FLOPs utilisation that is
 *       989e12 * 0.4 / 16e9 = 24,700 tokens/s. A 1,155-token prompt (Azure LLM trace mean) thus
 *       prefills in about 46 ms.
 *   <li>{@code decodeBaseNanos = 7 ms}, {@code decodePerSeqNanos = 0.1 ms}: decoding is
 *       memory-bound; each step reads the 16 GB of weights, 4.8 ms at the datasheet's 3.35 TB/s,
 *       plus kernel and scheduler overhead, hence about 7 ms at batch 1; each extra sequence adds
 *       KV-cache reads and compute, so a step takes about 13 ms at batch 64 and 33 ms at batch 256:
 *       the order of the 10-30 ms inter-token latencies commonly reported for 8B models on one H100
 *       under vLLM at moderate to high load (e.g. the vLLM v0.6.0 performance blog, Sept 2024). A
 *       rough fit for illustration; we have not measured it.
 *   <li>{@code maxBatch = 256}: vLLM's default {@code max_num_seqs}.
 *   <li>{@code kvCapacityTokens = 400,000}: Llama-3-8B stores 2 (K,V) * 32 layers * 8 KV heads *
 *       128 dims * 2 bytes = 128 KiB per token; vLLM's default {@code gpu_memory_utilization = 0.9}
 *       leaves 72 GB, minus 16 GB of weights and a few GB of activations, about 52 GB, so about
 *       400k tokens.
 *   <li>{@code blockTokens = 512}: the prefix-block size of the Mooncake trace's {@code hash_ids}
 *       (Qin et al., FAST 2025). vLLM pages in 16-token blocks; 512 keeps the model cheap and
 *       matches the only trace with hashes.
 * </ul>
 *
 * <p>The simple-mode defaults (median 25 ms, sigma 0.4, 8 concurrent) are illustrative figures for
 * a small non-LLM model (a vision or embedding model behind Triton or TorchServe), not taken from a
 * benchmark: calibrate before use.
 *
 * @param mode {@link Mode#LLM}: continuous batching with prefill, decode and KV cache; {@link
 *     Mode#SIMPLE}: lognormal service time per request
 * @param maxBatch most requests running at once: the continuous batch size (LLM) or the concurrency
 *     limit (simple)
 * @param prefillNanosPerToken prefill cost of one uncached prompt token (LLM)
 * @param decodeBaseNanos fixed cost of one decode step (LLM)
 * @param decodePerSeqNanos added cost per running sequence of one decode step (LLM)
 * @param kvCapacityTokens KV-cache capacity (LLM)
 * @param blockTokens tokens per prefix block (LLM)
 * @param serviceMedianNanos median service time (simple)
 * @param serviceSigma standard deviation of the service time's logarithm; 0 makes it constant
 *     (simple)
 */
public record ReplicaConfig(
        Mode mode,
        int maxBatch,
        long prefillNanosPerToken,
        long decodeBaseNanos,
        long decodePerSeqNanos,
        int kvCapacityTokens,
        int blockTokens,
        long serviceMedianNanos,
        double serviceSigma) {

    /** How the replica is modelled. */
    public enum Mode {
        LLM,
        SIMPLE
    }

    private static final long MS = 1_000_000L;

    public ReplicaConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (maxBatch < 1 || blockTokens < 1 || kvCapacityTokens < blockTokens) {
            throw new IllegalArgumentException(
                    "need maxBatch >= 1, blockTokens >= 1, kvCapacityTokens >= blockTokens");
        }
        if (prefillNanosPerToken < 0
                || decodeBaseNanos < 0
                || decodePerSeqNanos < 0
                || decodeBaseNanos + decodePerSeqNanos < 1
                || serviceMedianNanos < 1
                || !(serviceSigma >= 0)) {
            throw new IllegalArgumentException(
                    "times must be >= 0, a decode step and the median > 0");
        }
    }

    /** Llama-3-8B on one H100 under vLLM; see the class comment for the sources. */
    public static ReplicaConfig llmDefaults() {
        return new ReplicaConfig(
                Mode.LLM, 256, 40_000, 7 * MS, 100_000, 400_000, 512, 25 * MS, 0.4);
    }

    /** A small non-LLM model; illustrative, see the class comment. */
    public static ReplicaConfig simpleDefaults() {
        return llmDefaults().withMode(Mode.SIMPLE).withMaxBatch(8);
    }

    public ReplicaConfig withMode(Mode m) {
        return new ReplicaConfig(
                m,
                maxBatch,
                prefillNanosPerToken,
                decodeBaseNanos,
                decodePerSeqNanos,
                kvCapacityTokens,
                blockTokens,
                serviceMedianNanos,
                serviceSigma);
    }

    public ReplicaConfig withMaxBatch(int n) {
        return new ReplicaConfig(
                mode,
                n,
                prefillNanosPerToken,
                decodeBaseNanos,
                decodePerSeqNanos,
                kvCapacityTokens,
                blockTokens,
                serviceMedianNanos,
                serviceSigma);
    }

    public ReplicaConfig withPrefillNanosPerToken(long nanos) {
        return new ReplicaConfig(
                mode,
                maxBatch,
                nanos,
                decodeBaseNanos,
                decodePerSeqNanos,
                kvCapacityTokens,
                blockTokens,
                serviceMedianNanos,
                serviceSigma);
    }

    public ReplicaConfig withDecode(long baseNanos, long perSeqNanos) {
        return new ReplicaConfig(
                mode,
                maxBatch,
                prefillNanosPerToken,
                baseNanos,
                perSeqNanos,
                kvCapacityTokens,
                blockTokens,
                serviceMedianNanos,
                serviceSigma);
    }

    public ReplicaConfig withKvCache(int capacityTokens, int tokensPerBlock) {
        return new ReplicaConfig(
                mode,
                maxBatch,
                prefillNanosPerToken,
                decodeBaseNanos,
                decodePerSeqNanos,
                capacityTokens,
                tokensPerBlock,
                serviceMedianNanos,
                serviceSigma);
    }

    public ReplicaConfig withService(long medianNanos, double sigma) {
        return new ReplicaConfig(
                mode,
                maxBatch,
                prefillNanosPerToken,
                decodeBaseNanos,
                decodePerSeqNanos,
                kvCapacityTokens,
                blockTokens,
                medianNanos,
                sigma);
    }
}
