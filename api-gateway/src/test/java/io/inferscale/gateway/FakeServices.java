package io.inferscale.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the metrics-collector, the scaler-service and the forecast-service behind the
 * gateway in the console tests, answering in their response shapes (FleetViewController,
 * MetricsController, ScalingPolicyController, ForecastController, DemandHistoryController), so the
 * console's pages can be checked against data without running those services and their Kafka
 * pipelines. Scaling policies are kept as sent, with who sent them.
 */
final class FakeServices implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    final Map<String, Map<String, Object>> policies = new ConcurrentHashMap<>();
    final List<Map<String, Object>> changes = new CopyOnWriteArrayList<>();

    FakeServices(String model) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/metrics/fleet", x -> json(x, 200, fleet(model)));
        server.createContext(
                "/api/v1/metrics/models/" + model + "/series", x -> json(x, 200, series(model)));
        server.createContext("/api/v1/scaling/policies", this::scaling);
        server.createContext(
                "/api/v1/forecasts/" + model + "/history", x -> json(x, 200, demandHistory()));
        server.createContext("/api/v1/forecasts/" + model, x -> forecast(x, model));
        server.createContext(
                "/",
                x ->
                        json(
                                x,
                                404,
                                Map.of(
                                        "title",
                                        "Not Found",
                                        "status",
                                        404,
                                        "detail",
                                        "no such path")));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * ForecastController's answer: the request-rate forecast, or with {@code
     * metric=output_tokens_per_second} the token-rate one (20 output tokens per request).
     */
    private static void forecast(HttpExchange x, String model) throws IOException {
        String query = x.getRequestURI().getQuery();
        boolean tokens = query != null && query.contains("metric=output_tokens_per_second");
        double scale = tokens ? 20 : 1;
        Instant origin = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Double> p50 = new ArrayList<>();
        List<Double> p90 = new ArrayList<>();
        for (int h = 1; h <= 30; h++) {
            p50.add(scale * (2 + h / 30.0));
            p90.add(scale * (3 + h / 30.0));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", model);
        f.put("metric", tokens ? "output_tokens_per_second" : "requests_per_second");
        f.put("origin", origin.toString());
        f.put("stepSeconds", 60);
        f.put(
                "quantiles",
                List.of(
                        Map.of("quantile", 0.5, "values", p50),
                        Map.of("quantile", 0.9, "values", p90)));
        f.put("forecaster", tokens ? "dnn*output-tokens-per-request" : "dnn");
        f.put("modelVersion", "v3");
        f.put("inputAgeMs", 20_000);
        f.put("degraded", false);
        f.put("degradedReason", null);
        json(x, 200, f);
    }

    /** DemandHistoryController's answer: the last hour of 60 s windows. */
    private static List<Map<String, Object>> demandHistory() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int m = 60; m >= 1; m--) {
            long arrivals = 120 + m;
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("windowStart", end.minus(m, ChronoUnit.MINUTES).toString());
            w.put("windowSeconds", 60);
            w.put("arrivals", arrivals);
            w.put("errors", 0);
            w.put("promptTokens", arrivals * 100);
            w.put("outputTokens", arrivals * 20);
            windows.add(w);
        }
        return windows;
    }

    private static Map<String, Object> fleet(String model) {
        Instant now = Instant.now();
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("replicaId", model + "-scraped");
        replica.put("address", "http://10.0.0.7:8000");
        replica.put("serverKind", "vllm");
        replica.put("healthy", false);
        replica.put("stale", true);
        replica.put("ageMs", 42_000);
        replica.put("scrapedAt", now.minusSeconds(42).toString());
        replica.put("scrapedBy", "collector-1");
        replica.put("running", 3.0);
        replica.put("waiting", 1.0);
        replica.put("kvCacheUsage", 0.25);
        replica.put("gpuUtilization", null);
        replica.put("ttftMs", Map.of("p50", 120.0, "p90", 200.0, "p99", 350.0));
        replica.put("latencyMs", null);
        return Map.of(
                "generatedAt",
                now.toString(),
                "scrapeInterval",
                "PT5S",
                "models",
                List.of(
                        Map.of(
                                "model", model,
                                "replicaCount", 1,
                                "healthyCount", 0,
                                "staleCount", 1,
                                "replicas", List.of(replica))));
    }

    /** Five minutes of one request per second, 1 % errors, in the collector's SeriesPoint shape. */
    private static Map<String, Object> series(String model) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("start", end.minus(Duration.ofMinutes(i)).toString());
            p.put("requests", 60);
            p.put("errors", i == 3 ? 3 : 0);
            p.put("latencyP50Ms", 40.0 + i);
            p.put("latencyP90Ms", 80.0 + i);
            p.put("latencyP99Ms", 150.0 + i);
            p.put("ttftP50Ms", 12.0);
            p.put("ttftP90Ms", 20.0);
            p.put("promptTokens", 6000);
            p.put("outputTokens", 1200);
            p.put("arrivals", 60);
            p.put("inFlight", 1.5);
            p.put("lateRecords", 0);
            points.add(p);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("from", end.minus(Duration.ofHours(1)).toString());
        body.put("to", end.toString());
        body.put("step", "PT1M");
        body.put("source", "rollup");
        body.put("settledBefore", end.toString());
        body.put("points", points);
        return body;
    }

    private void scaling(HttpExchange x) throws IOException {
        String rest = x.getRequestURI().getPath().substring("/api/v1/scaling/policies".length());
        String method = x.getRequestMethod();
        if (rest.isEmpty() && method.equals("GET")) {
            json(x, 200, new ArrayList<>(policies.values()));
        } else if (rest.endsWith("/changes") && method.equals("GET")) {
            String model = rest.substring(1, rest.length() - "/changes".length());
            json(x, 200, changes.stream().filter(c -> model.equals(c.get("model"))).toList());
        } else if (!rest.isEmpty() && method.equals("PUT")) {
            String model = rest.substring(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> policy =
                    JSON.readValue(x.getRequestBody().readAllBytes(), LinkedHashMap.class);
            policy.put("model", model);
            policies.put(model, policy);
            changes.add(
                    Map.of(
                            "model", model,
                            "changedAt", Instant.now().toString(),
                            "changedBy",
                                    String.valueOf(
                                            x.getRequestHeaders().getFirst("X-InferScale-User")),
                            "change", "UPSERT",
                            "policyJson", JSON.writeValueAsString(policy)));
            json(x, 200, policy);
        } else {
            json(x, 404, Map.of("title", "Not Found", "status", 404, "detail", "no such path"));
        }
    }

    private static void json(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders()
                .set(
                        "Content-Type",
                        status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
