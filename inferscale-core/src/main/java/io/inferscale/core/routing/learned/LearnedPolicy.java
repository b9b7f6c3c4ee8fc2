package io.inferscale.core.routing.learned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's learned routing policy, validated and ready to evaluate: the network scores each
 * candidate replica from its features and the highest score takes the request. Past {@code
 * expiresAt} it is stale and the gateway routes with {@code fallback} instead.
 */
public record LearnedPolicy(
        String model,
        long version,
        String algorithm,
        Instant expiresAt,
        List<ReplicaFeature> features,
        Mlp network,
        String fallback) {

    public LearnedPolicy {
        features = List.copyOf(features);
        if (network.inputs() != features.size()) {
            throw new IllegalArgumentException(
                    "network takes " + network.inputs() + " inputs, features are " + features);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: an unknown feature, a network whose
     *     shape does not fit, a non-finite weight
     */
    public static LearnedPolicy of(
            String model,
            long version,
            String algorithm,
            Instant expiresAt,
            List<String> featureNames,
            List<Integer> layerSizes,
            List<Double> weights,
            String fallback) {
        List<ReplicaFeature> features = new ArrayList<>();
        for (String name : featureNames) {
            features.add(
                    ReplicaFeature.byName(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "features: '"
                                                            + name
                                                            + "' is not one of "
                                                            + ReplicaFeature.names())));
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return new LearnedPolicy(
                model, version, algorithm, expiresAt, features, new Mlp(layerSizes, w), fallback);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
