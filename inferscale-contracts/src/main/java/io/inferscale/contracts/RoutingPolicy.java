package io.inferscale.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A versioned routing policy for one model (compacted topic {@code routing.policies}: the latest
 * record per model is the current policy). Gateways evaluate it locally; past {@code expiresAt}
 * they fall back to {@code fallback}.
 *
 * @param layerSizes the network's layer widths, input first; {@code weights} holds each layer's
 *     weight matrix (row-major, out x in) followed by its bias, layer by layer
 * @param evaluation the scores that justified publishing it (e.g. {@code slo_attainment}, {@code
 *     baseline_slo_attainment})
 */
public record RoutingPolicy(
        EventMeta meta,
        String model,
        long version,
        String algorithm,
        Instant trainedAt,
        Instant expiresAt,
        List<String> features,
        List<Integer> layerSizes,
        List<Double> weights,
        Map<String, Double> evaluation,
        String fallback)
        implements InferScaleEvent {

    public static final int SCHEMA_VERSION = 1;

    public RoutingPolicy {
        Validate.notNull(meta, "meta");
        Validate.model(model);
        Validate.positive(version, "version");
        Validate.notBlank(algorithm, "algorithm");
        Validate.notNull(trainedAt, "trainedAt");
        Validate.notNull(expiresAt, "expiresAt");
        Validate.notEmpty(features, "features");
        Validate.notEmpty(layerSizes, "layerSizes");
        Validate.notNull(weights, "weights");
        Validate.notBlank(fallback, "fallback");
        features = List.copyOf(features);
        layerSizes = List.copyOf(layerSizes);
        weights = List.copyOf(weights);
        evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
        if (layerSizes.get(0) != features.size()) {
            throw new InvalidEventException(
                    "layerSizes[0] must equal the number of features (" + features.size() + ")");
        }
        int expected = 0;
        for (int i = 1; i < layerSizes.size(); i++) {
            expected += layerSizes.get(i) * layerSizes.get(i - 1) + layerSizes.get(i);
        }
        if (weights.size() != expected) {
            throw new InvalidEventException(
                    "weights must hold "
                            + expected
                            + " values for layerSizes "
                            + layerSizes
                            + ", had "
                            + weights.size());
        }
    }
}
