package io.inferscale.gateway.adapter.web;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Where the console lives: {@code /console/} answers its single page (the other files are plain
 * static resources under {@code static/console/}); {@code /} and {@code /console} lead there, the
 * latter because the page's relative links need the trailing slash.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoutes {
    static final String PATH = "/console/";
    private static final Resource INDEX = new ClassPathResource("static/console/index.html");

    @Bean
    RouterFunction<ServerResponse> console() {
        return RouterFunctions.route(
                        RequestPredicates.GET(PATH),
                        request ->
                                ServerResponse.ok()
                                        .contentType(MediaType.TEXT_HTML)
                                        .bodyValue(INDEX))
                .andRoute(
                        RequestPredicates.GET("/").or(RequestPredicates.GET("/console")),
                        request -> ServerResponse.temporaryRedirect(URI.create(PATH)).build());
    }
}
