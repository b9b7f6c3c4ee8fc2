package io.inferscale.gateway.adapter.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The console's static files (HTML, CSS, JavaScript modules, the chart library's WebJar) are open
 * to everyone: they hold no data. Every figure the console shows comes from {@code /api/v1/**},
 * which asks for a user. The Content-Security-Policy lets the console run only its own scripts and
 * styles from this origin: no inline script, nothing from elsewhere, no framing.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                    + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
                    + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(
                        ServerWebExchangeMatchers.pathMatchers(
                                HttpMethod.GET, "/", "/console", "/console/**", "/webjars/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a.anyExchange().permitAll())
                .headers(
                        h ->
                                h.contentSecurityPolicy(
                                                csp ->
                                                        csp.policyDirectives(
                                                                CONTENT_SECURITY_POLICY))
                                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
