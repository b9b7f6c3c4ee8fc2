package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.domain.security.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two doors (and the console's static files, open to all: {@link ConsoleSecurityConfiguration}).
 * Inference ({@code /v1/**}): API keys, stateless. Everything else: users with roles (viewer <
 * operator < admin) over HTTP Basic with bcrypt passwords; health and metrics stay open for probes
 * and scrapers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityWebFilterChain inferenceSecurity(
            ServerHttpSecurity http, ApiKeyAuthenticationManager keys) {
        AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(keys::authenticate);
        apiKeys.setServerAuthenticationConverter(
                exchange ->
                        Mono.justOrEmpty(presentedKey(exchange.getRequest().getHeaders()))
                                .map(PresentedApiKey::new));
        var unauthorized =
                SecurityProblems.unauthorized(
                        "Bearer realm=\"InferScale\"",
                        "a valid API key is required (Authorization: Bearer <key>)");
        apiKeys.setAuthenticationFailureHandler(
                (webExchange, e) -> unauthorized.commence(webExchange.getExchange(), e));
        apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/v1/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(a -> a.anyExchange().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain adminSecurity(ServerHttpSecurity http) {
        var unauthorized =
                SecurityProblems.unauthorizedUnlessScripted(
                        "Basic realm=\"InferScale\"",
                        "sign in with an InferScale user (HTTP Basic)");
        return http.csrf(
                        ServerHttpSecurity.CsrfSpec
                                ::disable) // no cookies or sessions: nothing to forge
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(
                        a ->
                                a.pathMatchers(
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/info",
                                                "/actuator/prometheus")
                                        .permitAll()
                                        .pathMatchers(
                                                "/api/v1/gateway/api-keys/**",
                                                "/api/v1/gateway/api-keys",
                                                "/api/v1/gateway/users/**",
                                                "/api/v1/gateway/users")
                                        .hasRole("ADMIN")
                                        .pathMatchers(HttpMethod.GET, "/api/v1/**")
                                        .hasRole("VIEWER")
                                        .pathMatchers("/api/v1/**")
                                        .hasRole("OPERATOR")
                                        .anyExchange()
                                        .denyAll())
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(unauthorized)
                                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .build();
    }

    /**
     * No Micrometer observations around each security filter and authentication: on the data plane
     * they cost more than the API-key check they wrap, and the outcomes are measured elsewhere
     * (401s in {@code http.server.requests}, the rest in the gen_ai meters).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService users(UserRepository repository) {
        return username ->
                Mono.fromCallable(() -> repository.find(username))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(Mono::justOrEmpty)
                        .map(
                                u ->
                                        User.withUsername(u.username())
                                                .password(u.passwordHash())
                                                .authorities(impliedAuthorities(u.role()))
                                                .build());
    }

    /** Roles nest: an admin is also an operator and a viewer. */
    static List<SimpleGrantedAuthority> impliedAuthorities(Role role) {
        return Arrays.stream(Role.values())
                .filter(r -> r.ordinal() <= role.ordinal())
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    static String presentedKey(HttpHeaders headers) {
        String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return headers.getFirst("x-api-key");
    }
}
