package io.inferscale.collector.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.collector.adapter.rollup.RollupRepository;
import io.inferscale.collector.adapter.window.DemandWindowConsumer;
import io.inferscale.collector.adapter.window.DemandWindowSink;
import io.inferscale.collector.adapter.window.WindowMetrics;
import io.inferscale.collector.adapter.window.WindowProperties;
import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.RequestOutcome;
import io.inferscale.contracts.RequestTelemetry;
import io.inferscale.contracts.Topics;
import io.inferscale.support.ServiceIdentity;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * Telemetry on a real broker becomes demand windows on {@code demand}, minute rollups in PostgreSQL
 * and REST series; a restart loses no window; two instances split the models without counting any
 * twice. A 5 s allowance keeps the test short; minute windows still take up to 65 s to close.
 */
@ServiceIT
@TestPropertySource(
        properties = {
            "inferscale.collector.windows.allowed-lateness=5s",
            "inferscale.collector.windows.idle-timeout=0s",
            "inferscale.collector.windows.commit-interval=500ms",
            "inferscale.collector.windows.watermark-delay=200ms"
        })
class DemandWindowsIT {
    static final Duration MINUTE_WINDOW_CLOSES = Duration.ofSeconds(100);

    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemandWindowConsumer windows;
    @Autowired KafkaProperties kafka;
    @Autowired EventCodec codec;
    @Autowired WindowProperties properties;
    @Autowired RollupRepository rollups;
    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @BeforeEach
    void forgetEarlierRuns() {
        for (String table :
                List.of(
                        "model_rollup_1m",
                        "model_rollup_1h",
                        "replica_rollup_1m",
                        "replica_rollup_1h")) {
            jdbc.update("DELETE FROM collector." + table + " WHERE model LIKE 'it-%'");
        }
    }

    @Test
    void publishesWindowsStoresRollupsAndServesSeries() throws Exception {
        String model = "it-demand";
        awaitOwning(windows, Topics.PARTITIONS);
        Instant now = Instant.now();
        List<RequestTelemetry> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sent.add(
                    telemetry(
                            model,
                            i % 4 == 0 ? "replica-b" : "replica-a",
                            now.minusMillis(300 + 10 * i),
                            now,
                            i % 10 == 0 ? RequestOutcome.UPSTREAM_ERROR : RequestOutcome.OK));
        }
        // Two minutes late: past every window's allowance, so it is counted, not placed.
        RequestTelemetry straggler =
                telemetry(
                        model,
                        "replica-a",
                        now.minusSeconds(121),
                        now.minusSeconds(120),
                        RequestOutcome.OK);
        publish(sent);
        publish(List.of(straggler));

        List<DemandWindow> events =
                Await.until(
                        MINUTE_WINDOW_CLOSES,
                        () -> demand().read(List.of(model)),
                        ws ->
                                sum(unique(ws, 60), DemandWindow::completions) >= 40
                                        && sum(unique(ws, 60), DemandWindow::lateRecords) >= 1);
        for (int size : new int[] {1, 10, 60}) {
            List<DemandWindow> ofSize = unique(events, size);
            assertThat(ofSize.stream().mapToLong(DemandWindow::arrivals).sum())
                    .as("%d s arrivals", size)
                    .isEqualTo(40);
            assertThat(ofSize.stream().mapToLong(DemandWindow::errors).sum()).isEqualTo(4);
            assertThat(ofSize.stream().mapToLong(DemandWindow::lateRecords).sum())
                    .as("%d s late records", size)
                    .isEqualTo(1);
        }
        DemandWindow minute =
                unique(events, 60).stream()
                        .filter(w -> w.completions() > 0)
                        .findFirst()
                        .orElseThrow();
        assertThat(minute.latencyMs().p50()).isBetween(400.0, 560.0);
        assertThat(minute.inFlight()).isGreaterThan(0);

        Map<String, Object> row =
                jdbc.queryForMap(
                        "SELECT sum(completions) AS c, sum(errors) AS e, sum(late_records) AS l"
                                + " FROM collector.model_rollup_1m WHERE model = ?",
                        model);
        assertThat(row).containsEntry("c", 40L).containsEntry("e", 4L).containsEntry("l", 1L);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT sum(completions) FROM collector.replica_rollup_1m"
                                        + " WHERE model = ? AND replica_id = 'replica-b'",
                                Long.class,
                                model))
                .isEqualTo(10);

        Instant from = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(180);
        Instant to = from.plusSeconds(300);
        String series =
                get("/api/v1/metrics/models/"
                                + model
                                + "/series?from="
                                + from
                                + "&to="
                                + to
                                + "&step=PT5M")
                        .body();
        assertThat(series)
                .contains("\"source\":\"rollup\"")
                .contains("\"requests\":40,\"errors\":4")
                .contains("\"arrivals\":40")
                .contains("\"lateRecords\":1");
        String hourly =
                get("/api/v1/metrics/models/"
                                + model
                                + "/series?from="
                                + from
                                + "&to="
                                + to
                                + "&step=PT1H")
                        .body();
        assertThat(hourly).as("hour rows agree").contains("\"requests\":40,\"errors\":4");
        String replica =
                get("/api/v1/metrics/models/"
                                + model
                                + "/replicas/replica-b/series?from="
                                + from
                                + "&to="
                                + to
                                + "&step=PT5M")
                        .body();
        assertThat(replica).contains("\"requests\":10,");
        String raw =
                get("/api/v1/metrics/models/"
                                + model
                                + "/series?from="
                                + from
                                + "&to="
                                + to
                                + "&step=PT30S")
                        .body();
        assertThat(raw).contains("\"source\":\"raw\"");

        HttpResponse<String> badStep =
                get("/api/v1/metrics/models/" + model + "/replicas/replica-b/series?step=PT30S");
        assertThat(badStep.statusCode()).isEqualTo(400);
        assertThat(badStep.body()).contains("step: replica series come from minute rollups");
    }

    @Test
    void aRestartLosesNoWindow() throws Exception {
        String model = "it-restart";
        awaitOwning(windows, Topics.PARTITIONS);
        List<RequestTelemetry> before = burst(model, 30);
        publish(before);
        Await.until(
                Duration.ofSeconds(30),
                () -> sum(unique(demand().read(List.of(model)), 1), DemandWindow::completions),
                n -> n == 30);
        Thread.sleep(properties.commitInterval().toMillis() * 3); // a commit carries the watermark

        windows.stop(); // open windows (this second's neighbours, the 10 s and minute windows) are
        // gone
        List<RequestTelemetry> during = burst(model, 20);
        publish(during);
        Thread.sleep(
                properties.allowedLateness().plusSeconds(3).toMillis()); // their windows come due
        windows.start();

        List<DemandWindow> events = awaitMinuteWindows(List.of(model), 50);
        for (int size : new int[] {1, 10, 60}) {
            List<DemandWindow> ofSize = unique(events, size);
            assertThat(sum(ofSize, DemandWindow::arrivals)).as("%d s arrivals", size).isEqualTo(50);
            assertThat(sum(ofSize, DemandWindow::completions))
                    .as("%d s completions", size)
                    .isEqualTo(50);
        }
    }

    @Test
    void twoInstancesSplitTheModelsAndCountEachRequestOnce() throws Exception {
        DemandWindowConsumer second =
                new DemandWindowConsumer(
                        kafka.buildConsumerProperties(),
                        codec,
                        properties,
                        new DemandWindowSink(
                                publisher,
                                rollups,
                                new ServiceIdentity("metrics-collector", "second"),
                                Duration.ofSeconds(30)),
                        Clock.systemUTC(),
                        new WindowMetrics(new SimpleMeterRegistry()),
                        "demand-windows-second");
        second.start();
        try {
            Await.until(
                    Duration.ofSeconds(60),
                    () -> List.of(windows.ownedPartitions(), second.ownedPartitions()),
                    owned ->
                            !owned.get(0).isEmpty()
                                    && !owned.get(1).isEmpty()
                                    && owned.get(0).size() + owned.get(1).size()
                                            == Topics.PARTITIONS);
            Set<Integer> firstOwns = windows.ownedPartitions();
            assertThat(firstOwns).doesNotContainAnyElementsOf(second.ownedPartitions());

            // Models on both instances' partitions, 25 requests each.
            List<String> models = new ArrayList<>();
            for (int i = 0; models.size() < 8; i++) {
                String m = "it-two-" + i;
                boolean onFirst = firstOwns.contains(partition(m));
                long already =
                        models.stream()
                                .filter(x -> firstOwns.contains(partition(x)) == onFirst)
                                .count();
                if (already < 4) {
                    models.add(m);
                }
            }
            for (String m : models) {
                publish(burst(m, 25));
            }

            List<DemandWindow> events =
                    Await.until(
                            Duration.ofSeconds(60),
                            () -> demand().read(models),
                            ws ->
                                    sum(
                                                    ws.stream()
                                                            .filter(w -> w.windowSeconds() == 10)
                                                            .toList(),
                                                    DemandWindow::completions)
                                            >= 200);
            Thread.sleep(1000); // anything a second instance would add arrives by now
            events = demand().read(models);
            List<DemandWindow> tenSeconds =
                    events.stream().filter(w -> w.windowSeconds() == 10).toList();
            assertThat(sum(tenSeconds, DemandWindow::arrivals))
                    .as("every emitted window counted, duplicates included")
                    .isEqualTo(200);
            Map<String, Set<String>> producersByModel =
                    events.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            DemandWindow::model,
                                            Collectors.mapping(
                                                    w -> w.meta().producer(), Collectors.toSet())));
            assertThat(producersByModel.values()).allSatisfy(p -> assertThat(p).hasSize(1));
            assertThat(
                            new HashSet<>(
                                    producersByModel.values().stream()
                                            .flatMap(Set::stream)
                                            .toList()))
                    .as("both instances did work")
                    .hasSize(2);
        } finally {
            second.stop();
        }
    }

    private List<DemandWindow> awaitMinuteWindows(List<String> models, long completions) {
        return Await.until(
                MINUTE_WINDOW_CLOSES,
                () -> demand().read(models),
                ws -> sum(unique(ws, 60), DemandWindow::completions) >= completions);
    }

    /**
     * One event per window; a window emitted twice (after a restart) must be emitted identically.
     */
    static List<DemandWindow> unique(List<DemandWindow> events, int seconds) {
        Map<String, List<DemandWindow>> byKey =
                events.stream()
                        .filter(w -> w.windowSeconds() == seconds)
                        .collect(Collectors.groupingBy(w -> w.model() + "@" + w.windowStart()));
        List<DemandWindow> out = new ArrayList<>();
        for (List<DemandWindow> same : byKey.values()) {
            DemandWindow first = same.get(0);
            for (DemandWindow w : same) {
                assertThat(w.arrivals()).as("re-emitted %s", first).isEqualTo(first.arrivals());
                assertThat(w.completions())
                        .as("re-emitted %s", first)
                        .isEqualTo(first.completions());
                assertThat(w.lateRecords())
                        .as("re-emitted %s", first)
                        .isEqualTo(first.lateRecords());
            }
            out.add(first);
        }
        return out;
    }

    static long sum(List<DemandWindow> ws, java.util.function.ToLongFunction<DemandWindow> f) {
        return ws.stream().mapToLong(f).sum();
    }

    static int partition(String model) {
        return Utils.toPositive(Utils.murmur2(model.getBytes(StandardCharsets.UTF_8)))
                % Topics.PARTITIONS;
    }

    private static void awaitOwning(DemandWindowConsumer c, int partitions) {
        Await.until(Duration.ofSeconds(60), c::ownedPartitions, p -> p.size() == partitions);
    }

    private DemandTopic demand() {
        return new DemandTopic(broker);
    }

    private void publish(List<RequestTelemetry> records) throws Exception {
        CompletableFuture.allOf(
                        records.stream()
                                .map(r -> publisher.publish(Topics.TELEMETRY_REQUESTS, r))
                                .toArray(CompletableFuture[]::new))
                .get();
    }

    private static List<RequestTelemetry> burst(String model, int n) {
        Instant now = Instant.now();
        List<RequestTelemetry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    telemetry(
                            model,
                            "replica-a",
                            now.minusMillis(100 + 5 * i),
                            now,
                            RequestOutcome.OK));
        }
        return out;
    }

    static RequestTelemetry telemetry(
            String model,
            String replica,
            Instant started,
            Instant finished,
            RequestOutcome outcome) {
        return new RequestTelemetry(
                EventMeta.at(1, "it", finished),
                model,
                replica,
                "gw-1",
                "/v1/completions",
                outcome == RequestOutcome.OK ? 200 : 502,
                outcome,
                started,
                Duration.between(started, finished).toMillis(),
                40.0,
                100,
                20,
                null,
                true,
                1,
                "p2c");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
