package io.inferscale.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.Quantiles;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Demand windows from the broker become the training history; a replayed window rewrites, never
 * duplicates. The context is closed after the class: its forecasting loops would otherwise go on
 * reading the shared test database while other ITs run.
 */
@ServiceIT
@DirtiesContext
class DemandHistoryIT {
    @Autowired EventPublisher publisher;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM forecast.demand_history");
    }

    @Test
    void storesWindowsIdempotentlyAndServesThem() throws Exception {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        publisher.publish(Topics.DEMAND, window(t, 120)).get();
        publisher.publish(Topics.DEMAND, window(t, 120)).get();
        publisher.publish(Topics.DEMAND, window(t.plusSeconds(60), 90)).get();

        Await.until(Duration.ofSeconds(30), this::rows, n -> n >= 2);
        assertThat(rows()).isEqualTo(2);

        HttpResponse<String> response =
                TestHttp.client()
                        .send(
                                TestHttp.request(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/v1/forecasts/it-model/history?from="
                                                                + t
                                                                + "&to="
                                                                + t.plusSeconds(3600)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"arrivals\":120").contains("\"arrivals\":90");
    }

    private long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM forecast.demand_history", Long.class);
    }

    private static DemandWindow window(Instant start, long arrivals) {
        Quantiles q = new Quantiles(100, 200, 300);
        return new DemandWindow(
                EventMeta.at(1, "it", start.plusSeconds(60)),
                "it-model",
                start,
                60,
                arrivals,
                arrivals,
                0,
                arrivals * 100,
                arrivals * 20,
                q,
                q,
                3,
                0);
    }
}
