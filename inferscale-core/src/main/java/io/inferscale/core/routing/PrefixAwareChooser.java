package io.inferscale.core.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Prefix-cache-aware routing in the style of llm-d's scheduler: each replica is scored by how much
 * of the request's prompt prefix it probably holds in its KV cache, traded against its load, and
 * the best score wins:
 *
 * <pre>score = prefixWeight * matchFraction - loadWeight * inFlight / maxInFlightAmongReady</pre>
 *
 * <p>The gateway cannot see replica caches, so, like llm-d's approximate prefix scorer, it keeps
 * its own index: the block hashes it recently routed to each replica, in a bounded LRU per replica
 * (a replica's KV cache is bounded too, so old blocks are gone there as well). {@code
 * matchFraction} is the leading run of the request's {@link RoutingRequest#prefixHashes()} found in
 * a replica's index over their number: KV reuse needs a common prefix, so a hit after a miss is
 * worth nothing. Requests without hashes score on load alone, which makes this least-request with
 * random tie-breaking.
 *
 * <p>Affinity has a load bound, as in consistent hashing with bounded loads (Mirrokni et al.;
 * HAProxy's {@code hash-balance-factor}): a replica whose in-flight count has reached {@code
 * balanceFactor x mean + slack} (the mean counting this request) is <em>loaded</em> and gets no
 * prefix credit, so a hot prefix stays on one replica until that replica is busier than the rest by
 * the bound, and then spills to the least loaded. Without the bound a full prefix match always
 * outscores the load term and one hot prompt can queue a replica without limit.
 *
 * <p>Thread-safe: one lock around a choice, since the index is read and updated together.
 */
public final class PrefixAwareChooser implements ReplicaChooser {

    /**
     * llm-d's default scheduler profile weighs its prefix-cache scorer 3 and its queue scorer 2.
     */
    public static final double DEFAULT_PREFIX_WEIGHT = 3.0;

    public static final double DEFAULT_LOAD_WEIGHT = 2.0;

    /**
     * Blocks remembered per replica: about a 400k-token KV cache of 512-token blocks (780), with
     * slack for blocks that the replica shares between requests.
     */
    public static final int DEFAULT_BLOCKS_PER_REPLICA = 1024;

    /** HAProxy's recommended {@code hash-balance-factor} of 125. */
    public static final double DEFAULT_BALANCE_FACTOR = 1.25;

    /**
     * Requests a replica may carry above the balanced share before it counts as loaded: a batch of
     * a few more sequences costs an LLM replica little, a cache miss costs a whole prefill.
     */
    public static final int DEFAULT_SLACK = 4;

    /** Replicas remembered; the least recently chosen is forgotten first (scaled-in replicas). */
    static final int MAX_REPLICAS = 4096;

    private final double prefixWeight;
    private final double loadWeight;
    private final int blocksPerReplica;
    private final double balanceFactor;
    private final int slack;
    private final Map<String, BlockLru> indexByReplica =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BlockLru> eldest) {
                    return size() > MAX_REPLICAS;
                }
            };

    public PrefixAwareChooser() {
        this(
                DEFAULT_PREFIX_WEIGHT,
                DEFAULT_LOAD_WEIGHT,
                DEFAULT_BLOCKS_PER_REPLICA,
                DEFAULT_BALANCE_FACTOR,
                DEFAULT_SLACK);
    }

    public PrefixAwareChooser(
            double prefixWeight,
            double loadWeight,
            int blocksPerReplica,
            double balanceFactor,
            int slack) {
        if (!(balanceFactor >= 1) || slack < 0) {
            throw new IllegalArgumentException(
                    "balanceFactor must be >= 1 and slack >= 0, were "
                            + balanceFactor
                            + ", "
                            + slack);
        }
        this.balanceFactor = balanceFactor;
        this.slack = slack;
        if (!(prefixWeight >= 0) || !(loadWeight >= 0) || blocksPerReplica < 1) {
            throw new IllegalArgumentException(
                    "weights must be >= 0 and blocksPerReplica >= 1, were "
                            + prefixWeight
                            + ", "
                            + loadWeight
                            + ", "
                            + blocksPerReplica);
        }
        this.prefixWeight = prefixWeight;
        this.loadWeight = loadWeight;
        this.blocksPerReplica = blocksPerReplica;
    }

    @Override
    public synchronized ReplicaLoad choose(
            List<ReplicaLoad> ready, RoutingRequest request, RandomGenerator random) {
        long[] hashes = request.prefixHashes();
        int maxInFlight = 0;
        long totalInFlight = 0;
        for (ReplicaLoad r : ready) {
            maxInFlight = Math.max(maxInFlight, r.inFlight());
            totalInFlight += r.inFlight();
        }
        double loadedAt = balanceFactor * (totalInFlight + 1) / ready.size() + slack;
        ReplicaLoad best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (ReplicaLoad r : ready) {
            double load = maxInFlight == 0 ? 0 : r.inFlight() / (double) maxInFlight;
            double match = r.inFlight() >= loadedAt ? 0 : matchFraction(r, hashes);
            double score = prefixWeight * match - loadWeight * load;
            if (score > bestScore) {
                best = r;
                bestScore = score;
                ties = 1;
            } else if (score == bestScore && random.nextInt(++ties) == 0) {
                best = r; // reservoir sampling keeps each tied replica equally likely
            }
        }
        remember(best, hashes);
        return best;
    }

    /** Share of the request's blocks, from the first on, that the replica's index holds. */
    private double matchFraction(ReplicaLoad r, long[] hashes) {
        if (hashes.length == 0) {
            return 0;
        }
        BlockLru index = indexByReplica.get(r.replicaId());
        if (index == null) {
            return 0;
        }
        int run = 0;
        while (run < hashes.length && index.containsKey(hashes[run])) {
            run++;
        }
        return run / (double) hashes.length;
    }

    private void remember(ReplicaLoad chosen, long[] hashes) {
        if (hashes.length == 0) {
            return;
        }
        BlockLru index =
                indexByReplica.computeIfAbsent(
                        chosen.replicaId(), id -> new BlockLru(blocksPerReplica));
        for (long h : hashes) {
            index.put(h, Boolean.TRUE); // moves a known block to most recently used
        }
    }

    /** Block hashes most recently routed to one replica, at most {@code capacity}. */
    private static final class BlockLru extends LinkedHashMap<Long, Boolean> {
        private final int capacity;

        BlockLru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > capacity;
        }
    }
}
