package io.inferscale.collector.domain.scrape;

import java.util.Locale;
import java.util.Map;

/**
 * The adapter for a {@code serverKind} as {@link io.inferscale.contracts.ReplicaInfo} names it.
 * {@code auto} (the default for static targets, whose kind configuration does not say) and any kind
 * this build does not know detect the server from its metric names on every scrape.
 */
public final class ServerAdapters {
    public static final String VLLM = "vllm";
    public static final String TRITON = "triton";
    public static final String TGI = "tgi";
    public static final String TORCHSERVE = "torchserve";
    public static final String INFERENCE_SIM = "inference-sim";
    public static final String AUTO = "auto";

    private static final ServerAdapter VLLM_ADAPTER = new VllmAdapter();
    private static final Map<String, ServerAdapter> BY_KIND =
            Map.of(
                    VLLM, VLLM_ADAPTER,
                    INFERENCE_SIM, VLLM_ADAPTER,
                    TRITON, new TritonAdapter(),
                    TGI, new TgiAdapter(),
                    TORCHSERVE, new TorchServeAdapter());
    private static final ServerAdapter DETECTING = ServerAdapters::readDetected;

    private ServerAdapters() {}

    public static ServerAdapter forKind(String kind) {
        ServerAdapter adapter = BY_KIND.get(kind == null ? "" : kind.toLowerCase(Locale.ROOT));
        return adapter != null ? adapter : DETECTING;
    }

    public static boolean isKnown(String kind) {
        return kind != null && BY_KIND.containsKey(kind.toLowerCase(Locale.ROOT));
    }

    /** The server kind whose metric names the exposition carries, or null. */
    public static String detect(Exposition e) {
        for (String name : e.sampleNames()) {
            if (name.startsWith("vllm:")) {
                return VLLM;
            }
            if (name.startsWith("nv_inference_")) {
                return TRITON;
            }
            if (name.startsWith("tgi_")) {
                return TGI;
            }
            if (name.startsWith("ts_inference_") || name.startsWith("ts_queue_")) {
                return TORCHSERVE;
            }
        }
        return null;
    }

    private static Reading readDetected(
            Exposition e, SeriesSelector selector, ScrapeCounters previous) {
        String kind = detect(e);
        if (kind == null) {
            return new Reading(AUTO, false, ReplicaSignals.NONE, previous);
        }
        return BY_KIND.get(kind).read(e, selector, previous);
    }
}
