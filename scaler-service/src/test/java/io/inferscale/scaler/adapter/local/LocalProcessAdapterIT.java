package io.inferscale.scaler.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import io.inferscale.support.test.Await;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code inference-sim} processes from the exec jar the reactor built: scale a group 0 -> 2 ->
 * 1 -> 0 and check that the published replicas answer and the stopped ones are gone.
 */
class LocalProcessAdapterIT {
    static final Path JAR = Path.of(System.getProperty("inferscale.sim.jar", "missing.jar"));
    static final ScalingTarget GROUP =
            new ScalingTarget("llm-demo", LocalProcessAdapter.PROVIDER, "llm-demo");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir Path logs;
    LocalProcessAdapter adapter;

    @BeforeEach
    void adapter() {
        assertThat(JAR).as("inference-sim exec jar (built by the reactor)").isRegularFile();
        adapter = new LocalProcessAdapter(props(JAR, 4), Clock.systemUTC());
    }

    @AfterEach
    void stopAll() {
        adapter.close();
    }

    LocalProperties props(Path jar, int max) {
        return new LocalProperties(
                jar,
                null,
                List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "127.0.0.1",
                Duration.ofSeconds(90),
                Duration.ofSeconds(10),
                logs,
                max,
                Map.of("llm-demo", new LocalProperties.Group("simple", List.of("--seed", "7"))));
    }

    @Test
    void scalesAGroupUpAndDownWithRealProcesses() throws Exception {
        assertThat(adapter.observe(GROUP).currentReplicas()).isZero();

        adapter.setDesiredReplicas(GROUP, 2);
        ProviderState two = adapter.observe(GROUP);

        assertThat(two.desiredReplicas()).isEqualTo(2);
        assertThat(two.currentReplicas()).isEqualTo(2);
        assertThat(two.readyReplicas()).isEqualTo(2);
        assertThat(two.readyEndpoints())
                .extracting(ReplicaInfo::replicaId)
                .containsExactlyInAnyOrder("llm-demo-1", "llm-demo-2");
        assertThat(two.replicas())
                .allSatisfy(
                        r -> {
                            assertThat(r.status()).isEqualTo(ReplicaStatus.READY);
                            assertThat(r.serverKind()).isEqualTo("inference-sim");
                            assertThat(r.address()).matches("http://127\\.0\\.0\\.1:\\d+");
                            assertThat(get(r.address() + "/health")).isEqualTo(200);
                            assertThat(completion(r.address())).contains("llm-demo");
                        });
        assertThat(two.replicas()).extracting(ReplicaInfo::address).doesNotHaveDuplicates();

        ReplicaInfo newest = replica(two, "llm-demo-2");
        adapter.setDesiredReplicas(GROUP, 1);
        ProviderState one = adapter.observe(GROUP);

        assertThat(one.replicas()).extracting(ReplicaInfo::replicaId).containsExactly("llm-demo-1");
        assertThat(get(replica(one, "llm-demo-1").address() + "/health")).isEqualTo(200);
        assertThatThrownBy(() -> get(newest.address() + "/health"))
                .isInstanceOf(ConnectException.class);
        assertThat(simProcesses("llm-demo-2")).isEmpty();

        adapter.setDesiredReplicas(GROUP, 0);

        assertThat(adapter.observe(GROUP).currentReplicas()).isZero();
        assertThat(simProcesses("llm-demo-")).isEmpty();
    }

    @Test
    void applyingTheSameCountTwiceStartsNothingNew() {
        adapter.setDesiredReplicas(GROUP, 1);
        ReplicaInfo first = adapter.observe(GROUP).replicas().get(0);

        adapter.setDesiredReplicas(GROUP, 1);

        assertThat(adapter.observe(GROUP).replicas()).containsExactly(first);
    }

    @Test
    void aReplicaThatDiedIsReplacedOnTheNextApply() {
        adapter.setDesiredReplicas(GROUP, 1);
        simProcesses("llm-demo-1").forEach(ProcessHandle::destroyForcibly);
        // The adapter sees the exit once the JDK reaped the child.
        Await.until(
                Duration.ofSeconds(10),
                () -> adapter.observe(GROUP).currentReplicas(),
                n -> n == 0);

        adapter.setDesiredReplicas(GROUP, 1);

        assertThat(adapter.observe(GROUP).readyReplicas()).isEqualTo(1);
    }

    @Test
    void refusesMoreThanTheGroupCapAndAMissingJar(@TempDir Path empty) {
        assertThatThrownBy(() -> adapter.setDesiredReplicas(GROUP, 5))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_REQUEST));
        LocalProcessAdapter noJar =
                new LocalProcessAdapter(props(empty.resolve("none.jar"), 4), Clock.systemUTC());
        assertThatThrownBy(() -> noJar.setDesiredReplicas(GROUP, 1))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.OTHER));
        noJar.close();
    }

    @Test
    void aReplicaThatCannotStartFailsTheAttemptAndIsNotPublished() throws IOException {
        Path notAJar = Files.writeString(logs.resolve("broken.jar"), "not a jar");
        LocalProcessAdapter broken = new LocalProcessAdapter(props(notAJar, 4), Clock.systemUTC());

        assertThatThrownBy(() -> broken.setDesiredReplicas(GROUP, 1))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(FailureKind.OTHER);
                            assertThat(e.getMessage()).contains("exited with code");
                        });
        assertThat(broken.observe(GROUP).currentReplicas()).isZero();
        broken.close();
    }

    private static ReplicaInfo replica(ProviderState s, String id) {
        return s.replicas().stream()
                .filter(r -> r.replicaId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private int get(String url) throws Exception {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String completion(String base) throws Exception {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(base + "/v1/completions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("content-type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"llm-demo\",\"prompt\":\"hi\","
                                                + "\"max_tokens\":4}"))
                        .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** Live processes that carry this replica's marker, found the way an operator would. */
    private static List<ProcessHandle> simProcesses(String replicaIdPrefix) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(
                        p ->
                                p.info()
                                        .commandLine()
                                        .orElse("")
                                        .contains("-Dinferscale.replica=" + replicaIdPrefix))
                .toList();
    }
}
