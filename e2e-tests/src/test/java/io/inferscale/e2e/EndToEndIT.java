package io.inferscale.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.contracts.Topics;
import io.inferscale.support.test.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The foundation's end-to-end path with the real jars as separate processes: an inference request
 * sent to the gateway reaches an inference-sim replica and returns; the gateway's telemetry event
 * goes through Kafka to the metrics-collector, which stores it in PostgreSQL; a REST call through
 * the gateway returns it.
 */
@EmbeddedKafka(partitions = Topics.PARTITIONS)
class EndToEndIT {
    static final String MODEL = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Bootstrapped through configuration, as an operator would; the gateway has no default
     * credentials.
     */
    static final String API_KEY = "isk_e2ekey_end-to-end-tests-only-secret-0001";

    static final String ADMIN_PASSWORD = "e2e-admin-password-0001";
    static final List<ServiceProcess> RUNNING = new ArrayList<>();
    static ServiceProcess gateway;
    final HttpClient http = TestHttp.client();

    @BeforeAll
    static void startStack() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        Path root = Path.of(System.getProperty("inferscale.root", ".."));
        String version = System.getProperty("inferscale.version", "0.1.0-SNAPSHOT");
        String dbUrl =
                System.getenv()
                        .getOrDefault(
                                "INFERSCALE_TEST_DB_URL",
                                "jdbc:postgresql://127.0.0.1:5432/inferscale_test");
        forgetBootstrapAdmin(dbUrl);
        int simPort = freePort();
        int collectorPort = freePort();
        int gatewayPort = freePort();

        ServiceProcess sim =
                run(
                        ServiceProcess.start(
                                "inference-sim",
                                jar(root, "inference-sim", version),
                                simPort,
                                Map.of(),
                                List.of(
                                        "--port",
                                        String.valueOf(simPort),
                                        "--model",
                                        MODEL,
                                        "--replica-id",
                                        MODEL + "-1",
                                        "--mode",
                                        "simple")));
        Map<String, String> env =
                Map.of(
                        "INFERSCALE_BOOTSTRAP_API_KEY",
                        API_KEY,
                        "INFERSCALE_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "KAFKA_BOOTSTRAP_SERVERS",
                        broker.getBrokersAsString(),
                        "DB_URL",
                        dbUrl,
                        "DB_USER",
                        System.getenv().getOrDefault("INFERSCALE_TEST_DB_USER", "inferscale"),
                        "INFERSCALE_STATIC_REPLICAS",
                        MODEL + "=" + sim.baseUrl(),
                        "INFERSCALE_SERVICE_METRICS_COLLECTOR",
                        "http://127.0.0.1:" + collectorPort);
        ServiceProcess collector =
                run(
                        ServiceProcess.start(
                                "metrics-collector",
                                jar(root, "metrics-collector", version),
                                collectorPort,
                                env,
                                List.of()));
        gateway =
                run(
                        ServiceProcess.start(
                                "api-gateway",
                                jar(root, "api-gateway", version),
                                gatewayPort,
                                env,
                                List.of()));

        Duration startup = Duration.ofSeconds(180);
        sim.awaitReady("/health", startup);
        collector.awaitReady("/actuator/health/readiness", startup);
        gateway.awaitReady("/actuator/health/readiness", startup);
    }

    @AfterAll
    static void stopStack() {
        RUNNING.forEach(ServiceProcess::close);
    }

    @Test
    void inferenceRequestFlowsToTheReplicaThroughKafkaIntoPostgresAndBackOutThroughTheApi()
            throws Exception {
        HttpResponse<String> completion =
                http.send(
                        TestHttp.request(URI.create(gateway.baseUrl() + "/v1/completions"))
                                .header("content-type", "application/json")
                                .header("Authorization", "Bearer " + API_KEY)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\""
                                                        + MODEL
                                                        + "\",\"prompt\":\"hello world\",\"max_tokens\":3}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
        assertThat(completion.headers().firstValue("x-inferscale-replica")).hasValue(MODEL + "-1");

        String recent = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(
                            TestHttp.request(
                                            URI.create(
                                                    gateway.baseUrl()
                                                            + "/api/v1/metrics/models/"
                                                            + MODEL
                                                            + "/requests"))
                                    .header("Authorization", adminBasic())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"model\":\"" + MODEL + "\"")) {
                recent = r.body();
                break;
            }
            Thread.sleep(250);
        }
        assertThat(recent)
                .as(
                        "the request should come back from PostgreSQL through the gateway; gateway log:\n%s",
                        gateway.tail())
                .isNotNull()
                .contains("\"status\":200", "\"outcome\":\"OK\"", "\"policy\":\"p2c\"");
    }

    private static String adminBasic() {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                ("admin:" + ADMIN_PASSWORD)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The test database is shared with the gateway ITs. The gateway creates its first admin only
     * when none exists, so remove a leftover one: the gateway under test then creates it with this
     * test's password.
     */
    private static void forgetBootstrapAdmin(String dbUrl) throws java.sql.SQLException {
        String user = System.getenv().getOrDefault("INFERSCALE_TEST_DB_USER", "inferscale");
        String password = System.getenv().getOrDefault("INFERSCALE_TEST_DB_PASSWORD", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, user, password);
                java.sql.Statement st = c.createStatement()) {
            st.execute(
                    "DO $$ BEGIN IF to_regclass('gateway.app_user') IS NOT NULL THEN "
                            + "DELETE FROM gateway.app_user WHERE username = 'admin'; END IF; END $$");
        }
    }

    private static ServiceProcess run(ServiceProcess p) {
        RUNNING.add(p);
        return p;
    }

    private static Path jar(Path root, String module, String version) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
