package io.inferscale.core.trace;

import static io.inferscale.core.trace.TraceFixtures.AZURE;
import static io.inferscale.core.trace.TraceFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureLlmCsvStreamTest {

    private static final TraceRequest[] ALL = {
        new TraceRequest(0L, 374, 44, null),
        new TraceRequest(4_314_579_000L, 396, 109, null),
        new TraceRequest(4_314_579_000L, 1000, 1, null),
        new TraceRequest(14_319_410_100L, 2, 7, null),
        new TraceRequest(20_653_319_410_000L, 5, 5, null),
    };

    @Test
    void readsCrlfRowsWithoutFinalNewlineAsUtcNanos() {
        try (ArrivalStream stream =
                TraceReaders.open(AZURE, TraceFormat.AZURE_LLM, TraceOptions.defaults())) {
            assertThat(stream.traceStart()).isEqualTo(Instant.parse("2023-11-16T18:15:46.680590Z"));
            assertThat(stream.gaps()).isEmpty();
            assertThat(stream).toIterable().containsExactly(ALL);
        }
    }

    @Test
    void scaleDividesOffsetsAndKeepsEveryRequest() {
        List<TraceRequest> scaled =
                readAll(AZURE, TraceFormat.AZURE_LLM, TraceOptions.defaults().withScale(2));

        assertThat(scaled)
                .extracting(TraceRequest::arrivalNanos)
                .containsExactly(
                        0L, 2_157_289_500L, 2_157_289_500L, 7_159_705_050L, 10_326_659_705_000L);
        assertThat(scaled)
                .extracting(TraceRequest::promptTokens)
                .containsExactly(374, 396, 1000, 2, 5);
    }

    @Test
    void windowIsInclusiveFromExclusiveToInUnscaledTraceTime() {
        TraceOptions window =
                TraceOptions.defaults()
                        .withScale(2)
                        .withWindow(
                                Duration.ofNanos(4_314_579_000L),
                                Duration.ofNanos(14_319_410_100L));

        assertThat(readAll(AZURE, TraceFormat.AZURE_LLM, window))
                .extracting(TraceRequest::promptTokens)
                .containsExactly(396, 1000);
    }
}
