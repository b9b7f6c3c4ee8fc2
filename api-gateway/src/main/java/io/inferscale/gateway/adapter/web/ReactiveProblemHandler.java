package io.inferscale.gateway.adapter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * problem+json for the gateway's own API, with validation errors naming the offending field (the
 * servlet services get the same from inferscale-service-support).
 */
@RestControllerAdvice
public class ReactiveProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors =
                ex.getFieldErrors().stream()
                        .map(
                                e ->
                                        Map.of(
                                                "field",
                                                e.getField(),
                                                "message",
                                                String.valueOf(e.getDefaultMessage())))
                        .toList();
        String detail =
                errors.stream()
                        .map(e -> e.get("field") + ": " + e.get("message"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid request");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }
}
