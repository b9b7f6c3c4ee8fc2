package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.FleetState;
import io.inferscale.contracts.InferScaleEvent;
import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaSnapshot;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.contracts.Topics;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.kafka.EventDeserializer;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scraping end to end on a real broker: two real inference-sim replicas and a target serving
 * garbage come from fleet.state, a target that accepts connections and never answers is static.
 * Snapshots arrive on telemetry.replicas, the broken targets are stale while the sims keep being
 * scraped, and the fleet endpoint shows it. The context is closed after the class: two contexts
 * with two embedded brokers left for the JVM's shutdown hook made the fork hang for 30 s on exit.
 */
@ServiceIT
@DirtiesContext
class ScrapeIT {
    static final String MODEL = "it-scrape";
    static final InferenceSim SIM_0 = sim("sim-0", 1);
    static final InferenceSim SIM_1 = sim("sim-1", 2);
    static final HttpServer GARBAGE = garbageServer();
    static final Hang HANG = new Hang();

    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void scrapeFast(DynamicPropertyRegistry r) {
        r.add("inferscale.collector.scrape.interval", () -> "1s");
        r.add("inferscale.collector.scrape.timeout", () -> "400ms");
        r.add("inferscale.collector.scrape.view-silent-after", () -> "5s");
        r.add(
                "inferscale.collector.scrape.static-targets",
                () -> MODEL + "=http://127.0.0.1:" + HANG.port());
    }

    @AfterAll
    static void stop() {
        SIM_0.close();
        SIM_1.close();
        GARBAGE.stop(0);
        HANG.close();
    }

    @Test
    void scrapesRealReplicasAndMarksDeadAndGarbageTargetsStale() throws Exception {
        String garbageUrl = "http://127.0.0.1:" + GARBAGE.getAddress().getPort();
        String hangId = MODEL + "@127.0.0.1:" + HANG.port();
        Map<String, List<ReplicaSnapshot>> seen = new ConcurrentHashMap<>();
        try (Snapshots snapshots = new Snapshots(broker, seen)) {
            publisher
                    .publish(
                            Topics.FLEET_STATE,
                            new FleetState(
                                    EventMeta.create(1, "it", java.time.Clock.systemUTC()),
                                    MODEL,
                                    "local",
                                    MODEL,
                                    3,
                                    List.of(
                                            replica("sim-0", SIM_0.baseUrl(), "inference-sim"),
                                            replica("sim-1", SIM_1.baseUrl(), "inference-sim"),
                                            replica("garbage", garbageUrl, "vllm"))))
                    .get();

            // Keep load on the sims while waiting, so that their histograms move between scrapes
            // whenever the scraping starts (the group join takes a few seconds on a busy machine).
            Await.until(
                    Duration.ofSeconds(60),
                    () -> {
                        complete(SIM_0);
                        complete(SIM_1);
                        snapshots.poll();
                        return seen;
                    },
                    s ->
                            count(s, "sim-0", true) >= 3
                                    && count(s, "sim-1", true) >= 3
                                    && count(s, "garbage", false) >= 2
                                    && count(s, hangId, false) >= 2
                                    && hasTtft(s, "sim-0"));
        }

        ReplicaSnapshot sim = last(seen, "sim-0");
        assertThat(sim.stale()).isFalse();
        assertThat(sim.serverKind()).isEqualTo("inference-sim");
        assertThat(sim.running()).isNotNull();
        assertThat(sim.waiting()).isNotNull();
        assertThat(sim.kvCacheUsage()).isNotNull();
        assertThat(sim.gpuUtilization()).isNull();
        for (String broken : List.of("garbage", hangId)) {
            ReplicaSnapshot s = last(seen, broken);
            assertThat(s.stale()).as(broken).isTrue();
            assertThat(s.healthy()).as(broken).isFalse();
            assertThat(s.running()).as(broken + " never had good signals").isNull();
            assertThat(s.ageMs()).as(broken).isPositive();
        }
        assertThat(
                        meters.get("inferscale.collector.scrape.malformed.lines")
                                .tag("target", "garbage")
                                .counter()
                                .count())
                .isPositive();

        JsonNode model =
                Await.until(
                        Duration.ofSeconds(15),
                        this::fleetModel,
                        m -> m != null && m.path("healthyCount").asInt() == 2);
        assertThat(model.path("replicaCount").asInt()).isEqualTo(4);
        assertThat(model.path("staleCount").asInt()).isEqualTo(2);
        for (JsonNode r : model.path("replicas")) {
            String id = r.path("replicaId").asString();
            boolean broken = id.equals("garbage") || id.equals(hangId);
            assertThat(r.path("stale").asBoolean()).as(id).isEqualTo(broken);
            assertThat(r.path("healthy").asBoolean()).as(id).isEqualTo(!broken);
            assertThat(r.has("ageMs")).isTrue();
            if (!broken) {
                assertThat(r.path("running").isNumber()).as(id).isTrue();
                assertThat(r.path("address").asString()).startsWith("http://127.0.0.1:");
            }
        }
    }

    private JsonNode fleetModel() {
        try {
            HttpResponse<String> res =
                    http.send(
                            TestHttp.request(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/api/v1/metrics/fleet?model="
                                                            + MODEL))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode models = json.readTree(res.body()).path("models");
            return models.isEmpty() ? null : models.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void complete(InferenceSim sim) {
        http.sendAsync(
                TestHttp.request(URI.create(sim.baseUrl() + "/v1/completions"))
                        .header("content-type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\""
                                                + MODEL
                                                + "\",\"prompt\":\"hello there\",\"max_tokens\":4}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static long count(Map<String, List<ReplicaSnapshot>> seen, String id, boolean healthy) {
        return seen.getOrDefault(id, List.of()).stream()
                .filter(s -> s.healthy() == healthy && s.stale() == !healthy)
                .count();
    }

    private static boolean hasTtft(Map<String, List<ReplicaSnapshot>> seen, String id) {
        return seen.getOrDefault(id, List.of()).stream().anyMatch(s -> s.ttftMs() != null);
    }

    private static ReplicaSnapshot last(Map<String, List<ReplicaSnapshot>> seen, String id) {
        List<ReplicaSnapshot> list = seen.get(id);
        return list.get(list.size() - 1);
    }

    private static ReplicaInfo replica(String id, String address, String kind) {
        return new ReplicaInfo(id, address, ReplicaStatus.READY, kind, Instant.now());
    }

    private static InferenceSim sim(String id, long seed) {
        return InferenceSim.start(
                InferenceSimConfig.defaults()
                        .withHost("127.0.0.1")
                        .withPort(0)
                        .withModel(MODEL)
                        .withReplicaId(id)
                        .withSeed(seed));
    }

    /** Answers 200 with text that is not the exposition format. */
    private static HttpServer garbageServer() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(
                    "/metrics",
                    exchange -> {
                        byte[] body =
                                "<html>\n<body>Service Unavailable</body>\n</html>\n{oops} !!\n"
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts connections and never answers: a replica wedged in a GC pause or a dead GPU. */
    static final class Hang implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        Hang() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread t =
                    new Thread(
                            () -> {
                                while (!socket.isClosed()) {
                                    try {
                                        held.add(socket.accept());
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            },
                            "it-hang");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket s : held) {
                    s.close();
                }
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** A plain consumer on telemetry.replicas, independent of the service's own listeners. */
    static final class Snapshots implements AutoCloseable {
        private final KafkaConsumer<String, InferScaleEvent> consumer;
        private final Map<String, List<ReplicaSnapshot>> seen;

        Snapshots(EmbeddedKafkaBroker broker, Map<String, List<ReplicaSnapshot>> seen) {
            Map<String, Object> props =
                    KafkaTestUtils.consumerProps(broker, "scrape-it-check", false);
            props.put("auto.offset.reset", "earliest");
            this.consumer =
                    new KafkaConsumer<>(
                            props,
                            new StringDeserializer(),
                            new EventDeserializer(new EventCodec()));
            this.seen = seen;
            consumer.subscribe(List.of(Topics.TELEMETRY_REPLICAS.name()));
        }

        void poll() {
            for (ConsumerRecord<String, InferScaleEvent> r :
                    consumer.poll(Duration.ofMillis(100))) {
                if (r.value() instanceof ReplicaSnapshot s && MODEL.equals(s.model())) {
                    seen.computeIfAbsent(s.replicaId(), k -> new ArrayList<>()).add(s);
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
