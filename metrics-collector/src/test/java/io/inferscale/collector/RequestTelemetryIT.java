package io.inferscale.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Gateway telemetry on a real broker lands in PostgreSQL once, and the REST API reads it back. */
@ServiceIT
class RequestTelemetryIT {
    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM collector.request_telemetry");
    }

    @Test
    void storesTelemetryOnceDeadLettersPoisonAndServesSeries() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(120);
        RequestTelemetry ok = telemetry(now.plusSeconds(5), 200, RequestOutcome.OK, 120);
        publisher.publish(Topics.TELEMETRY_REQUESTS, ok).get();
        publisher
                .publish(Topics.TELEMETRY_REQUESTS, ok)
                .get(); // a redelivery: must not count twice
        try (KafkaProducer<String, byte[]> raw =
                new KafkaProducer<>(
                        KafkaTestUtils.producerProps(broker),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            raw.send(
                            new ProducerRecord<>(
                                    "telemetry.requests",
                                    "it-model",
                                    "garbage".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        publisher
                .publish(
                        Topics.TELEMETRY_REQUESTS,
                        telemetry(now.plusSeconds(20), 503, RequestOutcome.UPSTREAM_ERROR, 40))
                .get();
        publisher
                .publish(
                        Topics.TELEMETRY_REQUESTS,
                        telemetry(now.plusSeconds(70), 200, RequestOutcome.OK, 300))
                .get();

        Await.until(Duration.ofSeconds(30), this::rows, n -> n >= 3);
        assertThat(rows()).isEqualTo(3);

        String series =
                get("/api/v1/metrics/models/it-model/series?from="
                                + now
                                + "&to="
                                + now.plusSeconds(120)
                                + "&step=PT30S")
                        .body();
        assertThat(series)
                .contains("\"requests\":2,\"errors\":1")
                .contains("\"requests\":1,\"errors\":0")
                .contains("\"latencyP50Ms\":300.0");

        String recent = get("/api/v1/metrics/models/it-model/requests?limit=10").body();
        assertThat(recent).contains(ok.meta().eventId()).contains("\"replicaId\":\"it-replica\"");
    }

    @Test
    void badParametersGetProblemJsonNamingTheField() throws Exception {
        HttpResponse<String> tooMany =
                get(
                        "/api/v1/metrics/models/m/series?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&step=PT1S");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
        assertThat(tooMany.body()).contains("step: 2678400 points requested");

        HttpResponse<String> badLimit = get("/api/v1/metrics/models/m/requests?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
    }

    private long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM collector.request_telemetry", Long.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RequestTelemetry telemetry(
            Instant finished, int status, RequestOutcome outcome, double latencyMs) {
        return new RequestTelemetry(
                EventMeta.at(1, "it", finished),
                "it-model",
                "it-replica",
                "gw-1",
                "/v1/completions",
                status,
                outcome,
                finished.minusMillis((long) latencyMs),
                latencyMs,
                null,
                10,
                5,
                null,
                false,
                1,
                "p2c");
    }
}
