package io.inferscale.core.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counters behind fleet-sim's prefix_hit_rate. */
class PrefixHitCountersTest {

    private static final long MS = 1_000_000;

    @Test
    void countsRequestedBlocksAndTheLeadingCachedRun() {
        ReplicaConfig cfg =
                ReplicaConfig.llmDefaults()
                        .withPrefillNanosPerToken(1_000)
                        .withDecode(MS, 0)
                        .withKvCache(8192, 512);
        ReplicaModel m = new ReplicaModel(cfg, 1, 1);
        Scenario.Log log = new Scenario.Log();
        m.submit(new InferenceRequest(1, 1536, 1, new long[] {1, 2, 3}), 0);
        m.advanceTo(Long.MAX_VALUE / 2, log);
        // 1 and 2 are cached, 9 is not, so 3 (after the gap) does not count: reuse needs a prefix
        m.submit(new InferenceRequest(2, 2048, 1, new long[] {1, 2, 9, 3}), Long.MAX_VALUE / 2);
        m.advanceTo(Long.MAX_VALUE / 2, log);

        assertThat(m.prefixBlocksRequested()).isEqualTo(7);
        assertThat(m.prefixBlocksHit()).isEqualTo(2);
    }

    @Test
    void simpleModeHasNoPrefixCache() {
        ReplicaModel m = new ReplicaModel(ReplicaConfig.simpleDefaults(), 1, 1);
        m.submit(new InferenceRequest(1, 512, 1, new long[] {1}), 0);
        m.advanceTo(Long.MAX_VALUE, new Scenario.Log());

        assertThat(m.prefixBlocksRequested()).isZero();
        assertThat(m.prefixBlocksHit()).isZero();
    }
}
