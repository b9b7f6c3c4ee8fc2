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

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) ->
                Problems.write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "your role does not allow this operation");
    }
}
