package io.inferscale.rl;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RoutingPolicy;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceIT
class PolicyVersionIT {
    @Autowired EventPublisher publisher;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM rl.policy_version");
    }

    @Test
    void keepsEveryVersionOnceNewestFirst() throws Exception {
        publisher.publish(Topics.ROUTING_POLICIES, policy(1, 0.93)).get();
        publisher.publish(Topics.ROUTING_POLICIES, policy(1, 0.93)).get();
        publisher.publish(Topics.ROUTING_POLICIES, policy(2, 0.97)).get();

        Await.until(
                Duration.ofSeconds(30),
                () -> jdbc.queryForObject("SELECT count(*) FROM rl.policy_version", Long.class),
                n -> n >= 2);

        HttpResponse<String> ok = get("/api/v1/routing/policies/it-model/versions");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body())
                .startsWith("[{\"model\":\"it-model\",\"version\":2")
                .contains("\"slo_attainment\":0.97");

        HttpResponse<String> tooMany =
                get("/api/v1/routing/policies/it-model/versions?limit=100000");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("limit: at most 100");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return TestHttp.client()
                .send(
                        TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static RoutingPolicy policy(long version, double score) {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        return new RoutingPolicy(
                EventMeta.at(1, "it", t),
                "it-model",
                version,
                "rl-mlp",
                t,
                t.plusSeconds(3600),
                List.of("in_flight"),
                List.of(1, 1),
                List.of(0.5, 0.0),
                Map.of("slo_attainment", score),
                "p2c");
    }
}
