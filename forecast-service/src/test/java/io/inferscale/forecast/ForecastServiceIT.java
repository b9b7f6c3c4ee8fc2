package io.inferscale.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.DemandForecast;
import io.inferscale.contracts.DemandWindow;
import io.inferscale.contracts.EventCodec;
import io.inferscale.contracts.EventMeta;
import io.inferscale.contracts.InferScaleEvent;
import io.inferscale.contracts.Quantiles;
import io.inferscale.contracts.Topics;
import io.inferscale.support.kafka.EventDeserializer;
import io.inferscale.support.kafka.EventPublisher;
import io.inferscale.support.test.Await;
import io.inferscale.support.test.ServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service end to end on a real broker and PostgreSQL: three days of per-minute demand with a
 * daily cycle go in through the {@code demand} topic; a training round fits the baselines and a
 * small DNN, backtests them on the last 12 hours and stores the versions; forecasts come out on
 * {@code forecasts} every second (the test's publishing period); a model whose demand stopped 30
 * minutes ago gets degraded forecasts; every request reports output tokens, so token-rate forecasts
 * come paired with the request-rate ones; the REST API shows the versions, refuses bad requests
 * with problem+json, and an operator's round is recorded; a second instance started on the same
 * database (a restart) serves the same version without training.
 */
@ServiceIT
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForecastServiceIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String TRAINED = "it-fc-" + RUN + "-a";
    static final String STALE = "it-fc-" + RUN + "-b";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    static final Path MODELS = Path.of("target", "it-forecast-models").toAbsolutePath();
    static final Map<String, String> SETTINGS = settings();

    @Autowired EventPublisher publisher;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();
    final List<DemandForecast> forecasts = new CopyOnWriteArrayList<>();
    KafkaConsumer<String, InferScaleEvent> consumer;

    static Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("inferscale.forecast.serving.publish-every", "1s");
        s.put("inferscale.forecast.training.check-every", "1s");
        // Training starts only once (nearly) all 72 hours are in.
        s.put("inferscale.forecast.training.min-history", "71h");
        s.put("inferscale.forecast.training.window", "3d");
        s.put("inferscale.forecast.training.backtest-window", "12h");
        s.put("inferscale.forecast.training.origin-every", "30m");
        s.put("inferscale.forecast.training.backtest-horizon-steps", "15");
        s.put("inferscale.forecast.training.artifacts-dir", MODELS.toString());
        s.put("inferscale.forecast.training.dnn.blocks", "1");
        s.put("inferscale.forecast.training.dnn.width", "16");
        s.put("inferscale.forecast.training.dnn.layers", "1");
        s.put("inferscale.forecast.training.dnn.max-epochs", "2");
        return s;
    }

    @DynamicPropertySource
    static void fastLoops(DynamicPropertyRegistry registry) {
        SETTINGS.forEach((k, v) -> registry.add(k, () -> v));
        cleanDatabase();
    }

    /**
     * Before the context starts, so that versions left by an earlier run are not restored into this
     * one.
     */
    static void cleanDatabase() {
        String url =
                System.getenv()
                        .getOrDefault(
                                "INFERSCALE_TEST_DB_URL",
                                "jdbc:postgresql://127.0.0.1:5432/inferscale_test");
        String user = System.getenv().getOrDefault("INFERSCALE_TEST_DB_USER", "inferscale");
        String password = System.getenv().getOrDefault("INFERSCALE_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            st.execute(
                    """
                    DO $$ BEGIN
                      IF to_regclass('forecast.serving') IS NOT NULL THEN
                        TRUNCATE forecast.serving, forecast.backtest_scores, forecast.model_versions,
                                 forecast.training_runs, forecast.demand_history;
                      END IF;
                    END $$
                    """);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
        try (Stream<Path> old = Files.exists(MODELS) ? Files.walk(MODELS) : Stream.empty()) {
            old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void feedDemand() throws Exception {
        Map<String, Object> props =
                KafkaTestUtils.consumerProps(broker, "forecast-it-" + RUN, false);
        props.put("auto.offset.reset", "earliest");
        consumer =
                new KafkaConsumer<>(
                        props, new StringDeserializer(), new EventDeserializer(new EventCodec()));
        consumer.subscribe(List.of(Topics.FORECASTS.name()));

        SplittableRandom random = new SplittableRandom(7);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        // Three days ending at the current minute, and three hours that ended 30 minutes ago.
        for (int m = 72 * 60; m >= 1; m--) {
            sent.add(
                    publisher.publish(
                            Topics.DEMAND,
                            window(TRAINED, NOW.minus(m, ChronoUnit.MINUTES), random)));
        }
        for (int m = 210; m >= 31; m--) {
            sent.add(
                    publisher.publish(
                            Topics.DEMAND,
                            window(STALE, NOW.minus(m, ChronoUnit.MINUTES), random)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
    }

    @AfterAll
    void closeConsumer() {
        consumer.close();
    }

    @Test
    @Order(1)
    void trainsBacktestsAndPublishesForecastsFromTheServingVersion() throws Exception {
        DemandForecast f =
                awaitForecast(
                        e ->
                                e.model().equals(TRAINED)
                                        && e.metric().equals("requests_per_second")
                                        && !e.modelVersion().equals("untrained"),
                        Duration.ofSeconds(180));
        assertThat(f.degraded()).as(f.degradedReason()).isFalse();
        assertThat(f.metric()).isEqualTo("requests_per_second");
        assertThat(f.stepSeconds()).isEqualTo(60);
        assertThat(f.horizonSteps()).isEqualTo(30);
        assertThat(f.quantiles()).extracting(q -> q.quantile()).containsExactly(0.5, 0.9);
        assertThat(f.origin()).isEqualTo(NOW);
        assertThat(f.inputAgeMs()).isLessThan(Duration.ofMinutes(3).toMillis());
        for (int h = 0; h < 30; h++) {
            double p50 = f.quantiles().get(0).values().get(h);
            double p90 = f.quantiles().get(1).values().get(h);
            // Demand cycles between 20 and 60 per minute: 0.33 to 1 per second.
            assertThat(p50).isBetween(0.1, 2.0);
            assertThat(p90).isGreaterThanOrEqualTo(p50);
        }

        JsonNode view = getJson("/api/v1/forecasts/" + TRAINED + "/versions", 200);
        JsonNode serving = view.path("serving");
        assertThat(serving.path("version").asInt()).isPositive();
        assertThat("v" + serving.path("version").asInt()).isEqualTo(f.modelVersion());
        assertThat(serving.path("forecaster").asString()).isEqualTo(f.forecaster());
        JsonNode run = view.path("runs").get(0);
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asString()).isIn("STARTUP", "SCHEDULE");
        assertThat(run.path("decision").asString()).isIn("PROMOTED", "BEST_BASELINE");
        assertThat(run.path("reason").asString()).contains("MASE");
        assertThat(run.path("origins").asInt()).isEqualTo(24);
        Map<String, JsonNode> scores = new HashMap<>();
        run.path("scores").forEach(s -> scores.put(s.path("forecaster").asString(), s));
        assertThat(scores)
                .containsKeys(
                        "trailing-mean",
                        "holt-winters",
                        "seasonal-naive-daily",
                        "seasonal-naive-weekly",
                        "dnn");
        assertThat(scores.get("trailing-mean").path("mase").asDouble()).isBetween(0.05, 2.0);
        assertThat(scores.get("dnn").path("role").asString()).isEqualTo("CANDIDATE");
        assertThat(scores.get("dnn").path("error").isNull())
                .as(scores.get("dnn").toString())
                .isTrue();
        // Two and a half days of training data hold no weekly season: recorded, left out.
        assertThat(scores.get("seasonal-naive-weekly").path("error").asString()).contains("season");
        assertThat(scores.get("seasonal-naive-weekly").path("mase").isNull()).isTrue();
        List<String> versioned = new ArrayList<>();
        view.path("versions").forEach(v -> versioned.add(v.path("forecaster").asString()));
        assertThat(versioned)
                .containsExactlyInAnyOrder(
                        "seasonal-naive-daily", "trailing-mean", "holt-winters", "dnn");
        // Only a serving DNN keeps its SavedModel; a candidate that lost has none left.
        boolean dnnServes = serving.path("forecaster").asString().equals("dnn");
        try (Stream<Path> dirs = Files.walk(MODELS)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("run-")).count())
                    .isEqualTo(dnnServes ? 1 : 0);
        }
        for (JsonNode v : view.path("versions")) {
            if (v.path("forecaster").asString().equals("dnn")) {
                if (v.path("serving").asBoolean()) {
                    assertThat(Path.of(v.path("artifact").asString()).resolve("saved_model.pb"))
                            .exists();
                } else {
                    assertThat(v.path("artifact").isNull()).as(v.toString()).isTrue();
                }
            }
        }

        JsonNode latest = getJson("/api/v1/forecasts/" + TRAINED, 200);
        assertThat(latest.path("model").asString()).isEqualTo(TRAINED);
        assertThat(latest.path("modelVersion").asString()).isEqualTo(f.modelVersion());
    }

    @Test
    @Order(2)
    void anLlmModelAlsoGetsATokenRateForecastPairedByOrigin() throws Exception {
        // Every request of the fed demand reports 20 output tokens.
        DemandForecast tokens =
                awaitForecast(
                        e ->
                                e.model().equals(TRAINED)
                                        && e.metric().equals("output_tokens_per_second")
                                        && !e.modelVersion().equals("untrained"),
                        Duration.ofSeconds(60));
        DemandForecast requests =
                forecasts.stream()
                        .filter(
                                e ->
                                        e.model().equals(TRAINED)
                                                && e.metric().equals("requests_per_second")
                                                && e.origin().equals(tokens.origin())
                                                && e.modelVersion().equals(tokens.modelVersion()))
                        .findFirst()
                        .orElseThrow();
        assertThat(tokens.forecaster())
                .isEqualTo(requests.forecaster() + "*output-tokens-per-request");
        assertThat(tokens.degraded()).isEqualTo(requests.degraded());
        for (int q = 0; q < 2; q++) {
            for (int h = 0; h < 30; h++) {
                assertThat(tokens.quantiles().get(q).values().get(h))
                        .isCloseTo(
                                20 * requests.quantiles().get(q).values().get(h),
                                Offset.offset(1e-6));
            }
        }
        JsonNode latest =
                getJson("/api/v1/forecasts/" + TRAINED + "?metric=output_tokens_per_second", 200);
        assertThat(latest.path("metric").asString()).isEqualTo("output_tokens_per_second");
    }

    @Test
    @Order(3)
    void staleInputGivesDegradedForecastsNotZeros() {
        DemandForecast f =
                awaitForecast(
                        e -> e.model().equals(STALE) && e.metric().equals("requests_per_second"),
                        Duration.ofSeconds(30));
        assertThat(f.degraded()).isTrue();
        // 30 minutes when the data was fed, a minute more if the clock has turned since.
        assertThat(f.degradedReason())
                .containsPattern("stale input: the newest demand window ended 3[01]m ago");
        assertThat(f.origin()).isEqualTo(NOW.minus(30, ChronoUnit.MINUTES));
        assertThat(f.inputAgeMs()).isGreaterThanOrEqualTo(Duration.ofMinutes(30).toMillis());
        // Forecast from the last observed level (about 0.3 to 1 per second), not from zeros.
        assertThat(f.quantiles().get(0).values()).allSatisfy(v -> assertThat(v).isGreaterThan(0.1));
    }

    @Test
    @Order(4)
    void refusesBadRequestsWithProblemDetails() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/forecasts/no-such-model-" + RUN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(json.readTree(unknown.body()).path("detail").asString())
                .contains("unknown model");
        assertThat(get("/api/v1/forecasts/no-such-model-" + RUN + "/versions").statusCode())
                .isEqualTo(404);

        HttpResponse<String> trainUnknown =
                post("/api/v1/forecasts/no-such-model-" + RUN + "/train");
        assertThat(trainUnknown.statusCode()).isEqualTo(404);
        assertThat(trainUnknown.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));

        HttpResponse<String> tooShort = post("/api/v1/forecasts/" + STALE + "/train");
        assertThat(tooShort.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooShort.body()).path("detail").asString())
                .contains("a round needs");

        assertThat(get("/api/v1/forecasts/" + TRAINED + "/versions?limit=0").statusCode())
                .isEqualTo(400);

        HttpResponse<String> badMetric = get("/api/v1/forecasts/" + TRAINED + "?metric=watts");
        assertThat(badMetric.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badMetric.body()).path("detail").asString())
                .contains("output_tokens_per_second");
    }

    @Test
    @Order(5)
    void anOperatorsRoundComparesTheServingVersionToo() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/forecasts/" + TRAINED + "/train");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long runId = json.readTree(accepted.body()).path("runId").asLong();
        assertThat(accepted.headers().firstValue("location"))
                .hasValue("/api/v1/forecasts/" + TRAINED + "/versions");

        JsonNode run =
                Await.until(
                        Duration.ofSeconds(120),
                        () -> runOf(runId),
                        r -> r != null && !r.path("status").asString().matches("QUEUED|RUNNING"));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asString()).isEqualTo("OPERATOR");
        assertThat(run.path("requestedBy").asString()).isEqualTo("it-operator");
        List<String> roles = new ArrayList<>();
        run.path("scores").forEach(s -> roles.add(s.path("role").asString()));
        assertThat(roles).contains("CURRENT", "CANDIDATE", "BASELINE");
        assertThat(run.path("servingVersion").asInt()).isPositive();
    }

    @Test
    @Order(6)
    void aRestartServesTheSameVersionWithoutTraining() throws Exception {
        JsonNode before = getJson("/api/v1/forecasts/" + TRAINED + "/versions", 200);
        int version = before.path("serving").path("version").asInt();
        String forecaster = before.path("serving").path("forecaster").asString();
        long runs = jdbc.queryForObject("SELECT count(*) FROM forecast.training_runs", Long.class);

        Map<String, String> props = new HashMap<>(SETTINGS);
        props.put("server.port", "0");
        props.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        props.put(
                "spring.datasource.url",
                System.getenv()
                        .getOrDefault(
                                "INFERSCALE_TEST_DB_URL",
                                "jdbc:postgresql://127.0.0.1:5432/inferscale_test"));
        props.put(
                "spring.datasource.username",
                System.getenv().getOrDefault("INFERSCALE_TEST_DB_USER", "inferscale"));
        props.put(
                "spring.datasource.password",
                System.getenv().getOrDefault("INFERSCALE_TEST_DB_PASSWORD", ""));
        // As command-line arguments: they win over application.yml (server.port 8082 there).
        String[] args =
                props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        try (ConfigurableApplicationContext restarted =
                new SpringApplicationBuilder(ForecastServiceApplication.class).run(args)) {
            int restartedPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            JsonNode latest =
                    Await.until(
                            Duration.ofSeconds(60), () -> latestOn(restartedPort), n -> n != null);
            assertThat(latest.path("modelVersion").asString()).isEqualTo("v" + version);
            assertThat(latest.path("forecaster").asString()).isEqualTo(forecaster);
            assertThat(latest.path("degraded").asBoolean())
                    .as(latest.path("degradedReason").asString())
                    .isFalse();
            // Its training schedule has been checked (every second) since it serves: nothing was
            // due.
            MeterRegistry meters = restarted.getBean(MeterRegistry.class);
            Await.until(
                    Duration.ofSeconds(30),
                    () -> meters.counter("inferscale.forecast.training.checks").count(),
                    n -> n >= 2);
            assertThat(
                            jdbc.queryForObject(
                                    "SELECT count(*) FROM forecast.training_runs", Long.class))
                    .isEqualTo(runs);
        }
    }

    private DemandForecast awaitForecast(Predicate<DemandForecast> wanted, Duration timeout) {
        return Await.until(
                timeout,
                () -> {
                    for (ConsumerRecord<String, InferScaleEvent> r :
                            consumer.poll(Duration.ofMillis(200))) {
                        if (r.value() instanceof DemandForecast f) {
                            forecasts.add(f);
                        }
                    }
                    return forecasts.stream().filter(wanted).reduce((a, b) -> b).orElse(null);
                },
                f -> f != null);
    }

    private JsonNode runOf(long runId) {
        try {
            for (JsonNode r :
                    getJson("/api/v1/forecasts/" + TRAINED + "/versions", 200).path("runs")) {
                if (r.path("id").asLong() == runId) {
                    return r;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode latestOn(int otherPort) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + otherPort
                                                            + "/api/v1/forecasts/"
                                                            + TRAINED))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("X-InferScale-User", "it-operator")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A minute of demand: Poisson around 40 - 20 cos(time of day), 20 at midnight, 60 at noon. */
    private static DemandWindow window(String model, Instant start, SplittableRandom random) {
        double dayFraction = Math.floorMod(start.getEpochSecond(), 86_400L) / 86_400.0;
        long arrivals = poisson(40 - 20 * Math.cos(2 * Math.PI * dayFraction), random);
        Quantiles q = new Quantiles(100, 200, 300);
        return new DemandWindow(
                EventMeta.at(1, "it", start.plusSeconds(60)),
                model,
                start,
                60,
                arrivals,
                arrivals,
                0,
                arrivals * 100,
                arrivals * 20,
                q,
                q,
                1,
                0);
    }

    private static long poisson(double mean, SplittableRandom random) {
        double l = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
