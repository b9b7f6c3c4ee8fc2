package io.inferscale.gateway.adapter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GenAiMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GenAiMeters meters = new GenAiMeters(registry);

    @Test
    void oneTimerPerModelAndStatusReusedAcrossRequests() {
        meters.requestDuration("m", 200).record(5, TimeUnit.MILLISECONDS);
        meters.requestDuration("m", 200).record(7, TimeUnit.MILLISECONDS);
        meters.requestDuration("m", 503).record(1, TimeUnit.MILLISECONDS);

        assertThat(meters.requestDuration("m", 200)).isSameAs(meters.requestDuration("m", 200));
        assertThat(
                        registry.get("gen_ai.server.request.duration")
                                .tag("gen_ai.request.model", "m")
                                .tag("http.response.status_code", "200")
                                .timer()
                                .count())
                .isEqualTo(2);
        assertThat(
                        registry.get("gen_ai.server.request.duration")
                                .tag("http.response.status_code", "503")
                                .timer()
                                .count())
                .isEqualTo(1);
    }

    @Test
    void perModelTimersAndTokenSummariesKeepTheirTags() {
        meters.timeToFirstToken("a").record(3, TimeUnit.MILLISECONDS);
        meters.timeToFirstToken("b").record(4, TimeUnit.MILLISECONDS);
        meters.timePerOutputToken("a").record(1, TimeUnit.MILLISECONDS);
        meters.tokenUsage("a", "input").record(10);
        meters.tokenUsage("a", "output").record(2);
        meters.tokenUsage("a", "input").record(30);

        assertThat(meters.timeToFirstToken("a")).isNotSameAs(meters.timeToFirstToken("b"));
        assertThat(
                        registry.get("gen_ai.server.time_to_first_token")
                                .tag("gen_ai.request.model", "b")
                                .timer()
                                .count())
                .isEqualTo(1);
        assertThat(
                        registry.get("gen_ai.client.token.usage")
                                .tag("gen_ai.request.model", "a")
                                .tag("gen_ai.token.type", "input")
                                .summary()
                                .totalAmount())
                .isEqualTo(40);
        assertThat(meters.tokenUsage("a", "output").count()).isEqualTo(1);
        assertThat(registry.getMeters()).hasSize(5);
    }
}
