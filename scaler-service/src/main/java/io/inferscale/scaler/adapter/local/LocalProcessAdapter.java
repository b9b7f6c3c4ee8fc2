package io.inferscale.scaler.adapter.local;

import io.inferscale.contracts.ReplicaInfo;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderAdapter;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ProviderState;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code inference-sim} replicas as child processes of the scaler, one group per target.
 * Scaling up starts the missing replicas and returns when all answer {@code /health}; scaling down
 * stops the newest first. The replicas live as long as the scaler: {@link #close} stops them.
 */
public final class LocalProcessAdapter implements ProviderAdapter {
    public static final String PROVIDER = "local";
    private static final Logger log = LoggerFactory.getLogger(LocalProcessAdapter.class);

    private final LocalProperties props;
    private final Clock clock;
    private final Path logDir;
    private final String java;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    public LocalProcessAdapter(LocalProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.logDir =
                props.logDir() != null
                        ? props.logDir()
                        : Path.of(System.getProperty("java.io.tmpdir"), "inferscale-replicas");
        this.java =
                props.javaCommand() != null && !props.javaCommand().isBlank()
                        ? props.javaCommand()
                        : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (!Files.isRegularFile(props.jar())) {
            log.warn(
                    "inference-sim jar {} not found (from {}); local scaling will fail until it"
                            + " is built",
                    props.jar(),
                    Path.of("").toAbsolutePath());
        }
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProviderState observe(ScalingTarget target) {
        Group g = groups.get(target.target());
        if (g == null) {
            return new ProviderState(target, 0, 0, 0, List.of(), clock.instant());
        }
        List<LocalReplicaProcess> alive =
                g.replicas.stream().filter(LocalReplicaProcess::alive).toList();
        List<ReplicaInfo> infos =
                alive.stream().map(LocalReplicaProcess::info).filter(Objects::nonNull).toList();
        int ready = (int) alive.stream().filter(LocalReplicaProcess::ready).count();
        return new ProviderState(target, g.desired, alive.size(), ready, infos, clock.instant());
    }

    @Override
    public void setDesiredReplicas(ScalingTarget target, int desiredReplicas) {
        if (desiredReplicas > props.maxReplicasPerGroup()) {
            throw new ProviderException(
                    FailureKind.INVALID_REQUEST,
                    "desired "
                            + desiredReplicas
                            + " is above inferscale.scaler.execution.local.max-replicas-per-group="
                            + props.maxReplicasPerGroup());
        }
        Group g = groups.computeIfAbsent(target.target(), Group::new);
        synchronized (g) {
            g.desired = desiredReplicas;
            reapExited(g);
            scaleDown(g, desiredReplicas);
            scaleUp(g, target, desiredReplicas);
        }
    }

    /** Stops every replica of every group: SIGTERM to all first, so they shut down together. */
    @Override
    public void close() {
        List<LocalReplicaProcess> all =
                groups.values().stream().flatMap(g -> g.replicas.stream()).toList();
        all.forEach(LocalReplicaProcess::signalStop);
        all.forEach(r -> r.stop(props.stopTimeout()));
        groups.clear();
        if (!all.isEmpty()) {
            log.info("stopped {} local replicas", all.size());
        }
    }

    private void reapExited(Group g) {
        for (LocalReplicaProcess r : g.replicas) {
            if (!r.alive()) {
                log.warn("{}: replica {} had exited; replacing it", g.name, r.replicaId);
                g.replicas.remove(r);
            }
        }
    }

    private void scaleDown(Group g, int desired) {
        List<LocalReplicaProcess> newestFirst =
                g.replicas.stream()
                        .sorted(
                                Comparator.comparingInt((LocalReplicaProcess r) -> r.index)
                                        .reversed())
                        .limit(Math.max(0, g.replicas.size() - desired))
                        .toList();
        // Out of the published list first, then stopped: no one is sent to a dying replica.
        g.replicas.removeAll(newestFirst);
        newestFirst.forEach(LocalReplicaProcess::signalStop);
        for (LocalReplicaProcess r : newestFirst) {
            r.stop(props.stopTimeout());
            log.info("{}: stopped {} (pid {})", g.name, r.replicaId, r.pid());
        }
    }

    private void scaleUp(Group g, ScalingTarget target, int desired) {
        if (g.replicas.size() >= desired) {
            return;
        }
        if (!Files.isRegularFile(props.jar())) {
            throw new ProviderException(
                    FailureKind.OTHER,
                    "inference-sim jar "
                            + props.jar().toAbsolutePath()
                            + " not found; build it with ./mvnw -pl inference-sim package");
        }
        long t0 = System.nanoTime();
        List<LocalReplicaProcess> started = new ArrayList<>();
        while (g.replicas.size() < desired) {
            int index = lowestFreeIndex(g);
            String id = g.name + "-" + index;
            LocalReplicaProcess r =
                    LocalReplicaProcess.launch(
                            command(target, g.name, id),
                            id,
                            index,
                            logDir.resolve(fileSafe(id) + ".log"),
                            props.host(),
                            clock.instant());
            g.replicas.add(r);
            started.add(r);
            log.info("{}: started {} (pid {})", g.name, id, r.pid());
        }
        ProviderException firstFailure = null;
        for (LocalReplicaProcess r : started) {
            try {
                r.awaitReady(props.startTimeout(), http, clock);
            } catch (ProviderException e) {
                g.replicas.remove(r);
                r.stop(props.stopTimeout());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        log.info(
                "{}: {} new replicas ready in {} ms",
                g.name,
                started.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    List<String> command(ScalingTarget target, String group, String replicaId) {
        LocalProperties.Group options = props.group(group);
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(props.javaOpts());
        // Marks the process as ours, for ps and for anyone cleaning up after a crashed scaler.
        cmd.add("-Dinferscale.replica=" + replicaId);
        cmd.add("-jar");
        cmd.add(props.jar().toString());
        cmd.addAll(
                List.of(
                        "--host", props.host(),
                        "--port", "0",
                        "--model", target.model(),
                        "--replica-id", replicaId,
                        "--mode", options.mode()));
        cmd.addAll(options.args());
        return cmd;
    }

    private static int lowestFreeIndex(Group g) {
        int i = 1;
        while (true) {
            int candidate = i;
            if (g.replicas.stream().noneMatch(r -> r.index == candidate)) {
                return candidate;
            }
            i++;
        }
    }

    private static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static final class Group {
        final String name;
        final List<LocalReplicaProcess> replicas = new CopyOnWriteArrayList<>();
        volatile int desired;

        Group(String name) {
            this.name = name;
        }
    }
}
