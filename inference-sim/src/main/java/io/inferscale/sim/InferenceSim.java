package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaModel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running emulated replica: an OpenAI-compatible server with vLLM-style metrics in front of one
 * {@link ReplicaModel} driven in wall-clock time. Starts in well under a second; other modules'
 * tests start one per replica:
 *
 * <pre>{@code
 * try (InferenceSim sim = InferenceSim.start(InferenceSimConfig.defaults().withPort(0))) {
 *     URI base = URI.create(sim.baseUrl());
 * }
 * }</pre>
 */
public final class InferenceSim implements AutoCloseable {

    static final String REPLICA_HEADER = "x-inferscale-replica";
    static final String QUEUE_HEADER = "x-inferscale-queue-ms";

    private static final Logger log = LoggerFactory.getLogger(InferenceSim.class);

    private final InferenceSimConfig config;
    private final ReplicaDriver driver;
    private final DisposableServer server;

    private InferenceSim(InferenceSimConfig config, ReplicaDriver driver, DisposableServer server) {
        this.config = config;
        this.driver = driver;
        this.server = server;
    }

    /** Binds the port and starts the model thread; the replica serves as soon as this returns. */
    public static InferenceSim start(InferenceSimConfig config) {
        ReplicaModel model = new ReplicaModel(config.replica(), config.speed(), config.seed());
        model.setSlowdown(config.slowdown(), 0);
        model.setErrorRate(config.errorRate());
        ReplicaDriver driver =
                new ReplicaDriver(
                        model,
                        new VllmMetrics(config.model()),
                        config.streamInterval().toNanos(),
                        "replica-model-" + config.replicaId());
        HttpApi api = new HttpApi(config, driver, JsonMapper.builder().build());
        try {
            DisposableServer server =
                    HttpServer.create()
                            .host(config.host())
                            .port(config.port())
                            .route(api::routes)
                            .bindNow(Duration.ofSeconds(10));
            log.info(
                    "replica {} serving {} ({} mode, speed {}) on port {}",
                    config.replicaId(),
                    config.model(),
                    config.replica().mode(),
                    config.speed(),
                    server.port());
            return new InferenceSim(config, driver, server);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    /** The bound port (the chosen one when configured with 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, for clients on this machine. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public InferenceSimConfig config() {
        return config;
    }

    /** Stops accepting, closes connections and stops the model thread. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        driver.close();
    }
}
