package io.inferscale.sim;

import io.inferscale.core.replica.ReplicaModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's HTTP surface. Handlers run on Netty's event loop and never block: they parse, hand
 * work to the {@link ReplicaDriver} and subscribe to the answer.
 */
final class HttpApi {

    private static final String JSON = "application/json";

    private final InferenceSimConfig cfg;
    private final ReplicaDriver driver;
    private final JsonMapper json;
    private final OpenAiJson openAi;
    private final AtomicLong ids = new AtomicLong();

    HttpApi(InferenceSimConfig cfg, ReplicaDriver driver, JsonMapper json) {
        this.cfg = cfg;
        this.driver = driver;
        this.json = json;
        this.openAi = new OpenAiJson(json, cfg.model());
    }

    void routes(HttpServerRoutes r) {
        r.post("/v1/completions", (req, res) -> completion(req, res, false))
                .post("/v1/chat/completions", (req, res) -> completion(req, res, true))
                .get("/metrics", this::metrics)
                .get("/health", this::health)
                .get("/admin/state", (req, res) -> send(res, 200, driver.call(this::state)))
                .post("/admin/faults", this::faults)
                .post("/admin/restart", this::restart);
    }

    private Publisher<Void> completion(
            HttpServerRequest req, HttpServerResponse res, boolean chat) {
        res.header(InferenceSim.REPLICA_HEADER, cfg.replicaId());
        String prefixHeader = req.requestHeaders().get("x-prefix-hashes");
        return body(req)
                .flatMap(
                        body -> {
                            CompletionRequest cr;
                            try {
                                cr = CompletionRequest.parse(json, body, prefixHeader, chat);
                            } catch (CompletionRequest.BadRequest e) {
                                return error(res, 400, "BadRequestError", e.getMessage());
                            }
                            if (cr.model() != null && !cr.model().equals(cfg.model())) {
                                String msg = "The model `" + cr.model() + "` does not exist.";
                                return error(res, 404, "NotFoundError", msg);
                            }
                            InFlight f =
                                    new InFlight(
                                            ids.incrementAndGet(),
                                            cr,
                                            openAi,
                                            System.currentTimeMillis() / 1000);
                            driver.submit(f);
                            return f.respond(res);
                        });
    }

    private Publisher<Void> metrics(HttpServerRequest req, HttpServerResponse res) {
        return Mono.fromFuture(driver.metricsText())
                .flatMap(
                        text ->
                                res.header(InferenceSim.REPLICA_HEADER, cfg.replicaId())
                                        .header(
                                                "content-type",
                                                "text/plain; version=0.0.4; charset=utf-8")
                                        .sendString(Mono.just(text))
                                        .then());
    }

    private Publisher<Void> health(HttpServerRequest req, HttpServerResponse res) {
        return Mono.fromFuture(driver.call((m, now) -> m.crashed()))
                .flatMap(
                        crashed ->
                                crashed
                                        ? raw(res, 503, "{\"status\":\"DOWN\"}")
                                        : raw(res, 200, "{\"status\":\"UP\"}"));
    }

    /** {@code {"slowdown":2.0,"error_rate":0.1,"crash":false}}; absent fields stay as they are. */
    private Publisher<Void> faults(HttpServerRequest req, HttpServerResponse res) {
        return body(req)
                .flatMap(
                        body -> {
                            JsonNode f;
                            try {
                                f = json.readTree(body);
                            } catch (JacksonException e) {
                                return error(res, 400, "BadRequestError", "body is not valid JSON");
                            }
                            if (f == null || !f.isObject()) {
                                return error(
                                        res, 400, "BadRequestError", "body must be a JSON object");
                            }
                            return send(res, 200, driver.call((m, now) -> applyFaults(m, now, f)))
                                    .onErrorResume(
                                            IllegalArgumentException.class,
                                            e ->
                                                    error(
                                                            res,
                                                            400,
                                                            "BadRequestError",
                                                            e.getMessage()));
                        });
    }

    private String applyFaults(ReplicaModel m, long now, JsonNode f) {
        // Validate everything before changing anything, so that a bad request changes nothing.
        double slowdown = f.path("slowdown").asDouble(m.slowdown());
        double errorRate = f.path("error_rate").asDouble(m.errorRate());
        if (!(slowdown > 0) || !(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("need slowdown > 0 and error_rate in [0, 1]");
        }
        m.setSlowdown(slowdown, now);
        m.setErrorRate(errorRate);
        if (f.path("crash").asBoolean(false) && !m.crashed()) {
            m.crash(now);
        }
        return state(m, now);
    }

    private Publisher<Void> restart(HttpServerRequest req, HttpServerResponse res) {
        return send(
                res,
                200,
                driver.call(
                        (m, now) -> {
                            m.restart(now);
                            return state(m, now);
                        }));
    }

    private String state(ReplicaModel m, long now) {
        return json.writeValueAsString(
                json.createObjectNode()
                        .put("replica_id", cfg.replicaId())
                        .put("model", cfg.model())
                        .put("mode", m.config().mode().name().toLowerCase(java.util.Locale.ROOT))
                        .put("speed", m.speedFactor())
                        .put("running", m.running())
                        .put("waiting", m.waiting())
                        .put("kv_cache_usage", m.kvCacheUsage())
                        .put("slowdown", m.slowdown())
                        .put("error_rate", m.errorRate())
                        .put("crashed", m.crashed()));
    }

    private static Mono<String> body(HttpServerRequest req) {
        return req.receive().aggregate().asString().defaultIfEmpty("");
    }

    private Mono<Void> send(HttpServerResponse res, int status, CompletableFuture<String> body) {
        return Mono.fromFuture(body).flatMap(b -> raw(res, status, b));
    }

    private Mono<Void> error(HttpServerResponse res, int status, String type, String message) {
        return raw(res, status, openAi.error(status, type, message));
    }

    private Mono<Void> raw(HttpServerResponse res, int status, String body) {
        return res.status(status)
                .header(InferenceSim.REPLICA_HEADER, cfg.replicaId())
                .header(InferenceSim.QUEUE_HEADER, "0.000")
                .header("content-type", JSON)
                .sendString(Mono.just(body))
                .then();
    }
}
