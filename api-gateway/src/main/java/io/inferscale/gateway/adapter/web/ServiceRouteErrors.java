package io.inferscale.gateway.adapter.web;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service behind {@code /api/v1/**} that cannot be reached (not deployed, down, restarting)
 * answers 502 problem+json naming the route, instead of the gateway's bare 500: the console then
 * says "not available" and a script can tell a missing service from a failing one. Only routes to
 * plain http(s) services: the inference route has its own retries and answers.
 */
@Component
public class ServiceRouteErrors implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !isServiceRoute(route)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .onErrorResume(
                        e -> unreachable(e) != null,
                        e ->
                                Problems.write(
                                        exchange,
                                        HttpStatus.BAD_GATEWAY,
                                        "Service unreachable",
                                        "the "
                                                + route.getId()
                                                + " service ("
                                                + route.getUri()
                                                + ") is not reachable: "
                                                + unreachable(e),
                                        Map.of("route", route.getId())));
    }

    private static boolean isServiceRoute(Route route) {
        String scheme = route.getUri().getScheme();
        return "http".equals(scheme) || "https".equals(scheme);
    }

    /**
     * Why the service could not be reached, in words, or null when the failure was something else
     * (the service was reached and failed: that stays the gateway's usual answer). Netty's connect
     * timeout is a ConnectException too.
     */
    static String unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("refused")) return "connection refused";
                if (message.contains("timed out")) return "connect timed out";
                return message;
            }
        }
        return null;
    }
}
