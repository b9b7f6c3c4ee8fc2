package io.inferscale.core.routing.learned;

import io.inferscale.core.routing.ReplicaChooser;
import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.core.routing.RoutingRequest;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The {@code rl} routing policy: evaluates the model's learned policy on each candidate replica
 * locally, in the process that routes (no central hop per request), and takes the best score, ties
 * at random. While there is no policy, or it has expired, it routes with the fallback chooser (p2c)
 * and says so to the listener, so the fallback is visible in metrics rather than silent.
 */
public final class LearnedChooser implements ReplicaChooser {
    /** Why a request was routed by the fallback. */
    public enum Fallback {
        NO_POLICY,
        EXPIRED
    }

    /** Told once per request that was routed by the fallback. */
    @FunctionalInterface
    public interface FallbackListener {
        void fellBack(String model, Fallback reason);
    }

    private final LearnedPolicySource source;
    private final ReplicaChooser fallback;
    private final Clock clock;
    private final FallbackListener listener;

    public LearnedChooser(
            LearnedPolicySource source,
            ReplicaChooser fallback,
            Clock clock,
            FallbackListener listener) {
        this.source = source;
        this.fallback = fallback;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        LearnedPolicy policy = source.current(request.model());
        if (policy == null || policy.expiredAt(clock.instant())) {
            listener.fellBack(
                    request.model(), policy == null ? Fallback.NO_POLICY : Fallback.EXPIRED);
            return fallback.choose(ready, request, random);
        }
        if (ready.size() == 1) {
            return ready.get(0);
        }
        ReplicaFeature.Context context = ReplicaFeature.Context.of(ready);
        List<ReplicaFeature> features = policy.features();
        double[] input = new double[features.size()];
        ReplicaLoad best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (ReplicaLoad r : ready) {
            for (int i = 0; i < input.length; i++) {
                input[i] = features.get(i).of(r, context);
            }
            double score = policy.network().score(input);
            if (best == null || score > bestScore) {
                best = r;
                bestScore = score;
                ties = 1;
            } else if (score == bestScore && random.nextInt(++ties) == 0) {
                best = r; // reservoir sampling keeps each tied replica equally likely
            }
        }
        return best;
    }
}
