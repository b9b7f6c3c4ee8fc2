package io.inferscale.scaler.adapter.local;

import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.contracts.ReplicaStatus;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code inference-sim} process. It binds port 0 and prints the port it got, so ports are
 * picked by the kernel at bind time and two replicas can never race for the same one.
 */
final class LocalReplicaProcess {
    /** The line inference-sim prints once it listens (InferenceSimMain). */
    private static final Pattern LISTENING =
            Pattern.compile("inference-sim listening on port (\\d+)");

    private static final Duration POLL = Duration.ofMillis(50);

    final String replicaId;
    final int index;
    private final Process process;
    private final Path log;
    private final String host;
    private final Instant startedAt;
    private volatile Integer port;
    private volatile Instant readySince;

    private LocalReplicaProcess(
            String replicaId, int index, Process process, Path log, String host, Instant now) {
        this.replicaId = replicaId;
        this.index = index;
        this.process = process;
        this.log = log;
        this.host = host;
        this.startedAt = now;
    }

    static LocalReplicaProcess launch(
            List<String> command, String replicaId, int index, Path log, String host, Instant now) {
        try {
            Files.createDirectories(log.getParent());
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            return new LocalReplicaProcess(replicaId, index, p, log, host, now);
        } catch (IOException e) {
            throw new ProviderException(
                    FailureKind.OTHER, "cannot start " + replicaId + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    boolean ready() {
        return readySince != null && alive();
    }

    /**
     * Waits until the process printed its port and answers {@code GET /health} with 200.
     *
     * @throws ProviderException {@code OTHER} if it exited, {@code TIMEOUT} if it was not ready in
     *     time
     */
    void awaitReady(Duration timeout, HttpClient http, Clock clock) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new ProviderException(
                        FailureKind.OTHER,
                        replicaId + " exited with code " + process.exitValue() + "; log: " + log);
            }
            if (port == null) {
                port = portFromLog();
            }
            if (port != null && healthy(http)) {
                readySince = clock.instant();
                return;
            }
            sleep(POLL);
        }
        throw new ProviderException(
                FailureKind.TIMEOUT,
                replicaId + " not ready within " + timeout + " (port " + port + "); log: " + log);
    }

    /** SIGTERM (the sim's shutdown hook closes its server), then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM without waiting: for stopping many at once. */
    void signalStop() {
        process.destroy();
    }

    /** Null until the process printed its port. */
    ReplicaInfo info() {
        Integer p = port;
        if (p == null) {
            return null;
        }
        boolean ready = ready();
        return new ReplicaInfo(
                replicaId,
                "http://" + host + ":" + p,
                ready ? ReplicaStatus.READY : ReplicaStatus.STARTING,
                "inference-sim",
                ready ? readySince : startedAt);
    }

    private Integer portFromLog() {
        try {
            if (!Files.exists(log)) {
                return null;
            }
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean healthy(HttpClient http) {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.OTHER, "interrupted waiting for " + replicaId);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.OTHER, "interrupted while starting replicas");
        }
    }
}
