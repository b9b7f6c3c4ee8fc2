package io.inferscale.gateway.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptBlocksTest {
    static final int BLOCK = 8;

    @Test
    void onlyWholeBlocksGetIds() {
        assertThat(PromptBlocks.of("1234567", BLOCK, 10)).isEmpty();
        assertThat(PromptBlocks.of("12345678", BLOCK, 10)).hasSize(1);
        assertThat(PromptBlocks.of("12345678abcdefgh-tail", BLOCK, 10)).hasSize(2);
        assertThat(PromptBlocks.of("", BLOCK, 10)).isEmpty();
        assertThat(PromptBlocks.of(null, BLOCK, 10)).isEmpty();
    }

    @Test
    void promptsSharingLeadingBlocksShareLeadingIds() {
        long[] a = PromptBlocks.of("systempr" + "question" + "answer-A", BLOCK, 10);
        long[] b = PromptBlocks.of("systempr" + "question" + "answer-B", BLOCK, 10);
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(a[2]).isNotEqualTo(b[2]);
    }

    @Test
    void aBlockIdDependsOnEverythingBeforeIt() {
        // Same second block of text after a different first block: vLLM would not reuse it either.
        long[] a = PromptBlocks.of("AAAAAAAA" + "same-blk", BLOCK, 10);
        long[] b = PromptBlocks.of("BBBBBBBB" + "same-blk", BLOCK, 10);
        assertThat(a[1]).isNotEqualTo(b[1]);
    }

    @Test
    void charactersBeyondLatin1AreHashedInFull() {
        assertThat(PromptBlocks.of("\u4e00".repeat(BLOCK), BLOCK, 1)[0])
                .isNotEqualTo(PromptBlocks.of("\u4e01".repeat(BLOCK), BLOCK, 1)[0]);
    }

    @Test
    void stopsAtMaxBlocks() {
        assertThat(PromptBlocks.of("x".repeat(BLOCK * 5), BLOCK, 3)).hasSize(3);
        assertThatThrownBy(() -> PromptBlocks.of("x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
