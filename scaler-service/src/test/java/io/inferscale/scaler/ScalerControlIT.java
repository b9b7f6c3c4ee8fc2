package io.inferscale.scaler;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaSnapshot;
import io.inferscale.contracts.ScalingDecision;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The control loop end to end: a policy in PostgreSQL, replica load from {@code
 * telemetry.replicas}, the hybrid decider, real {@code inference-sim} processes started and stopped
 * by the local provider, {@code fleet.state} and {@code scaling.decisions} on the broker, and the
 * audit through the history API.
 */
@ServiceIT
class ScalerControlIT {
    static final String MODEL = "it-scale";

    @DynamicPropertySource
    static void fast(DynamicPropertyRegistry r) {
        r.add("inferscale.scaler.control.interval", () -> "1s");
        r.add("inferscale.scaler.control.snapshot-max-age", () -> "5s");
        r.add("inferscale.scaler.control.fleet-state-refresh", () -> "2s");
        r.add(
                "inferscale.scaler.execution.local.jar",
                () -> System.getProperty("inferscale.sim.jar", "missing.jar"));
        r.add(
                "inferscale.scaler.execution.local.java-opts",
                () -> "-Xmx96m,-XX:+UseSerialGC,-XX:TieredStopAtLevel=1");
        r.add("inferscale.scaler.execution.local.groups." + MODEL + ".mode", () -> "simple");
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();
    final ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    final Map<String, FleetState> fleet = new ConcurrentHashMap<>();
    final List<ScalingDecision> decisions = new CopyOnWriteArrayList<>();
    Consumer<String, byte[]> consumer;

    @BeforeEach
    void start() {
        jdbc.update("DELETE FROM scaler.scaling_policy WHERE model = ?", MODEL);
        jdbc.update("DELETE FROM scaler.scaling_decision WHERE model = ?", MODEL);
        Map<String, Object> props =
                KafkaTestUtils.consumerProps(broker, "it-control-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        consumer =
                new DefaultKafkaConsumerFactory<>(
                                props, new StringDeserializer(), new ByteArrayDeserializer())
                        .createConsumer();
        consumer.subscribe(List.of(Topics.FLEET_STATE.name(), Topics.SCALING_DECISIONS.name()));
    }

    @AfterEach
    void stop() throws Exception {
        load.shutdownNow();
        consumer.close();
        send("DELETE", "/api/v1/scaling/policies/" + MODEL, null);
    }

    @Test
    void scalesRealReplicasOnLoadRecordsWhyAndRespectsTheMode() throws Exception {
        assertThat(put(1, 3, "AUTO").statusCode()).isEqualTo(200);

        // Below its minimum (no replica yet): the loop starts one, and publishes it.
        FleetState one = awaitReady(1);
        String first = one.replicas().get(0).replicaId();
        assertThat(answers(one.replicas().get(0))).isTrue();

        // Load: 8 requests running on a replica whose target is 2 -> up to the maximum, 3.
        AtomicReference<Double> running = new AtomicReference<>(8.0);
        load.scheduleAtFixedRate(
                () -> {
                    FleetState f = fleet.get(MODEL);
                    for (ReplicaInfo r : f == null ? one.replicas() : f.replicas()) {
                        publisher.publish(Topics.TELEMETRY_REPLICAS, snapshot(r, running.get()));
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
        FleetState three = awaitReady(3);
        assertThat(three.replicas()).extracting(ReplicaInfo::replicaId).contains(first);
        assertThat(three.replicas()).allMatch(this::answers);
        ScalingDecision up =
                decisions.stream()
                        .filter(d -> d.desiredReplicas() == 3 && d.currentReplicas() < 3)
                        .findFirst()
                        .orElseThrow();
        assertThat(up.reason().name()).isIn("REACTIVE", "PANIC", "BOUNDS");
        assertThat(up.inputs()).isNotEmpty();
        // Once the stable window holds only loaded samples, the load asks for 4 replicas per
        // loaded replica (8 running / target 2): the maximum cuts it, so the reason is BOUNDS. The
        // step that first reached 3 may still have averaged in the idle seconds before the load.
        ScalingDecision bounded =
                Await.until(
                        Duration.ofSeconds(90),
                        () -> {
                            poll();
                            return decisions.stream()
                                    .filter(
                                            d ->
                                                    d.reason().name().equals("BOUNDS")
                                                            && d.desiredReplicas() == 3)
                                    .findFirst()
                                    .orElse(null);
                        },
                        d -> d != null);
        assertThat(bounded.terms().get("proposal")).isGreaterThanOrEqualTo(4.0);

        String history =
                send("GET", "/api/v1/scaling/" + MODEL + "/history?changesOnly=true", null).body();
        assertThat(history)
                .contains("\"decisionId\":\"" + up.meta().eventId() + "\"")
                .contains("\"applied\":true")
                .contains("\"outcome\":\"SUCCEEDED\"");

        // Recommend mode decides and records, never acts: the fleet stays at 1 under the same load.
        assertThat(put(1, 1, "AUTO").statusCode()).isEqualTo(200);
        awaitReady(1);
        assertThat(put(1, 3, "RECOMMEND").statusCode()).isEqualTo(200);
        int seen = decisions.size();
        Await.until(
                Duration.ofSeconds(60),
                () -> {
                    poll();
                    return decisions.subList(seen, decisions.size()).stream()
                            .anyMatch(
                                    d ->
                                            d.mode().name().equals("RECOMMEND")
                                                    && d.desiredReplicas() > 1);
                },
                found -> found);
        assertThat(fleet.get(MODEL).desiredReplicas()).isEqualTo(1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM scaler.scaling_decision WHERE model = ?"
                                        + " AND mode = 'RECOMMEND' AND desired_replicas > current_replicas AND applied",
                                Long.class,
                                MODEL))
                .isZero();

        assertThat(send("GET", "/api/v1/scaling/nope/history", null).statusCode()).isEqualTo(404);
    }

    private FleetState awaitReady(int replicas) {
        return Await.until(
                Duration.ofSeconds(120),
                () -> {
                    poll();
                    return fleet.get(MODEL);
                },
                f -> f != null && f.desiredReplicas() == replicas && f.ready().size() == replicas);
    }

    private void poll() {
        EventCodec codec = new EventCodec();
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200))
                .forEach(
                        rec -> {
                            if (!MODEL.equals(rec.key())) return;
                            if (rec.topic().equals(Topics.FLEET_STATE.name())) {
                                fleet.put(MODEL, codec.decode(Topics.FLEET_STATE, rec.value()));
                            } else {
                                decisions.add(codec.decode(Topics.SCALING_DECISIONS, rec.value()));
                            }
                        });
    }

    private ReplicaSnapshot snapshot(ReplicaInfo r, double running) {
        return new ReplicaSnapshot(
                EventMeta.create(ReplicaSnapshot.SCHEMA_VERSION, "it-collector", Clock.systemUTC()),
                MODEL,
                r.replicaId(),
                r.address(),
                "vllm",
                true,
                false,
                0,
                running,
                0.0,
                0.1,
                null,
                null,
                null);
    }

    private boolean answers(ReplicaInfo r) {
        try {
            return http.send(
                                    TestHttp.request(URI.create(r.address() + "/health")).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> put(int min, int max, String mode) throws Exception {
        return send(
                "PUT",
                "/api/v1/scaling/policies/" + MODEL,
                "{\"minReplicas\":"
                        + min
                        + ",\"maxReplicas\":"
                        + max
                        + ",\"targetConcurrencyPerReplica\":2,\"provisioningLeadTime\":\"PT0S\","
                        + "\"scaleUpStabilisation\":\"PT0S\",\"scaleDownStabilisation\":\"PT0S\","
                        + "\"maxStep\":2,\"mode\":\""
                        + mode
                        + "\",\"provider\":\"local\",\"target\":\""
                        + MODEL
                        + "\"}");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-InferScale-User", "it");
        if (body != null) {
            b.header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
