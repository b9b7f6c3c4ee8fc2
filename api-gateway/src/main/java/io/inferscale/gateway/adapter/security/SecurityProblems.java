package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.adapter.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** 401/403 as problem+json, with the challenge each client kind expects. */
final class SecurityProblems {
    private SecurityProblems() {}

    static ServerAuthenticationEntryPoint unauthorized(String challenge, String detail) {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        };
    }

    /**
     * As {@link #unauthorized}, except that a script which says so ({@code X-Requested-With:
     * XMLHttpRequest}, as the console does) gets no challenge: a browser answers a Basic challenge
     * with its own password dialog, on top of the console's sign-in form. The same rule as Spring
     * Security's servlet HTTP Basic support.
     */
    static ServerAuthenticationEntryPoint unauthorizedUnlessScripted(
            String challenge, String detail) {
        return (exchange, e) -> {
            String requestedWith = exchange.getRequest().getHeaders().getFirst("X-Requested-With");
            if (!"XMLHttpRequest".equalsIgnoreCase(requestedWith)) {
                exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
            }
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) ->
                Problems.write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "your role does not allow this operation");
    }
}
