package io.inferscale.gateway.adapter.security;

import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is calling: sets {@code X-InferScale-User} from the authenticated
 * principal and drops any value a client sent, so nobody can act under another name in the
 * services' audit logs.
 */
@Component
public class UserHeaderFilter implements GlobalFilter, Ordered {
    public static final String HEADER = "X-InferScale-User";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(
                        user ->
                                chain.filter(
                                        exchange.mutate()
                                                .request(
                                                        r ->
                                                                r.headers(
                                                                        h -> {
                                                                            h.remove(HEADER);
                                                                            if (!user.isEmpty()) {
                                                                                h.set(HEADER, user);
                                                                            }
                                                                        }))
                                                .build()));
    }
}
