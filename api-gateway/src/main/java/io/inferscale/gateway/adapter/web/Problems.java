package io.inferscale.gateway.adapter.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json answers from gateway filters, where no controller advice runs. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A request that announced a body; the filters that answer early have not read it. */
    static boolean mayHaveUnreadBody(ServerWebExchange exchange) {
        HttpHeaders h = exchange.getRequest().getHeaders();
        return h.getContentLength() > 0 || h.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, title, detail, Map.of());
    }

    public static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String title,
            String detail,
            Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(extra);
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (mayHaveUnreadBody(exchange)) {
            // Answered before the request body was read (a 401 or 429 from a filter): a client
            // that reused this keep-alive connection could have its next request lost behind the
            // unread body (seen as requests never answered under load). Closing is the safe end.
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
