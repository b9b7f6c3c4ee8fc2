package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options on top of {@link InferenceSimConfig#defaults()}. */
final class CliArgs {

    static final String USAGE =
            """
            usage: inference-sim [options]
              --port N                 port to bind, 0 for any free one (default 8000)
              --host ADDR              address to bind (default 0.0.0.0)
              --model NAME             model served (default meta-llama/Meta-Llama-3-8B-Instruct)
              --replica-id ID          x-inferscale-replica header value (default replica-0)
              --mode llm|simple        continuous-batching LLM or lognormal service time (default llm)
              --speed X                speed factor, 1.0 = H100 (default 1.0)
              --seed N                 random seed (default 1)
              --max-batch N            max running sequences / concurrency (llm 256, simple 8)
              --kv-capacity-tokens N   KV cache size in tokens (default 400000)
              --block-tokens N         prefix block size in tokens (default 512)
              --prefill-us-per-token X prefill time per uncached prompt token (default 40)
              --decode-base-ms X       decode step time at batch 0 (default 7)
              --decode-per-seq-ms X    decode step time added per running sequence (default 0.1)
              --service-time-ms X      simple mode: median service time (default 25)
              --service-sigma X        simple mode: sigma of log service time (default 0.4)
              --slowdown X             initial slowdown fault (default 1.0)
              --error-rate P           initial error-rate fault (default 0)
              --stream-interval-ms N   streaming chunk interval (default 50)
            """;

    private static final Set<String> OPTIONS =
            Set.of(
                    "port",
                    "host",
                    "model",
                    "replica-id",
                    "mode",
                    "speed",
                    "seed",
                    "max-batch",
                    "kv-capacity-tokens",
                    "block-tokens",
                    "prefill-us-per-token",
                    "decode-base-ms",
                    "decode-per-seq-ms",
                    "service-time-ms",
                    "service-sigma",
                    "slowdown",
                    "error-rate",
                    "stream-interval-ms");

    private CliArgs() {}

    /**
     * @throws IllegalArgumentException with a message fit for the user, for any unknown or
     *     malformed option
     */
    static InferenceSimConfig parse(String... args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            opts.put(name, args[i + 1]);
        }
        try {
            return build(opts);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
    }

    private static InferenceSimConfig build(Map<String, String> o) {
        String mode = o.getOrDefault("mode", "llm");
        ReplicaConfig r =
                switch (mode) {
                    case "llm" -> ReplicaConfig.llmDefaults();
                    case "simple" -> ReplicaConfig.simpleDefaults();
                    default -> throw new IllegalArgumentException("--mode must be llm or simple");
                };
        r =
                r.withMaxBatch(intOr(o, "max-batch", r.maxBatch()))
                        .withKvCache(
                                intOr(o, "kv-capacity-tokens", r.kvCapacityTokens()),
                                intOr(o, "block-tokens", r.blockTokens()))
                        .withPrefillNanosPerToken(
                                nanos(o, "prefill-us-per-token", 1e3, r.prefillNanosPerToken()))
                        .withDecode(
                                nanos(o, "decode-base-ms", 1e6, r.decodeBaseNanos()),
                                nanos(o, "decode-per-seq-ms", 1e6, r.decodePerSeqNanos()))
                        .withService(
                                nanos(o, "service-time-ms", 1e6, r.serviceMedianNanos()),
                                doubleOr(o, "service-sigma", r.serviceSigma()));
        InferenceSimConfig d = InferenceSimConfig.defaults();
        return new InferenceSimConfig(
                o.getOrDefault("host", d.host()),
                intOr(o, "port", d.port()),
                o.getOrDefault("model", d.model()),
                o.getOrDefault("replica-id", d.replicaId()),
                r,
                doubleOr(o, "speed", d.speed()),
                o.containsKey("seed") ? Long.parseLong(o.get("seed")) : d.seed(),
                doubleOr(o, "slowdown", d.slowdown()),
                doubleOr(o, "error-rate", d.errorRate()),
                o.containsKey("stream-interval-ms")
                        ? Duration.ofMillis(Long.parseLong(o.get("stream-interval-ms")))
                        : d.streamInterval());
    }

    private static int intOr(Map<String, String> o, String name, int dflt) {
        return o.containsKey(name) ? Integer.parseInt(o.get(name)) : dflt;
    }

    private static double doubleOr(Map<String, String> o, String name, double dflt) {
        return o.containsKey(name) ? Double.parseDouble(o.get(name)) : dflt;
    }

    private static long nanos(Map<String, String> o, String name, double unitNanos, long dflt) {
        return o.containsKey(name) ? Math.round(Double.parseDouble(o.get(name)) * unitNanos) : dflt;
    }
}
