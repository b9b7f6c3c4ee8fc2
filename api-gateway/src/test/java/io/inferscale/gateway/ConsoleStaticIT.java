package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.gateway.adapter.security.ConsoleSecurityConfiguration;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's files are served to anyone, always under the Content-Security-Policy; the data
 * behind them is not. No browser: plain HTTP.
 */
@ServiceIT
class ConsoleStaticIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestCredentials.register(registry);
    }

    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    @Test
    void everyConsoleFileIsServedWithoutSignInUnderTheCsp() throws Exception {
        List<String> paths = consoleFiles();
        assertThat(paths).contains("/console/index.html", "/console/js/main.js");
        for (String path : paths) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("content-security-policy"))
                    .as(path)
                    .hasValue(ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            if (path.endsWith(".js")) {
                // Module scripts run only when served as JavaScript.
                assertThat(r.headers().firstValue("content-type").orElseThrow())
                        .as(path)
                        .contains("javascript");
            }
        }
    }

    @Test
    void theConsolePageAndItsChartLibraryAreServed() throws Exception {
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).contains("text/html");
        assertThat(page.headers().firstValue("content-security-policy"))
                .hasValue(ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>");

        HttpResponse<String> uplot = get("/webjars/uplot/dist/uPlot.esm.js", null);
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("export { uPlot as default }");
        assertThat(get("/webjars/uplot/dist/uPlot.min.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theRootAndTheBarePathLeadToTheConsole() throws Exception {
        for (String path : List.of("/", "/console")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(307);
            assertThat(r.headers().firstValue("location")).as(path).hasValue("/console/");
        }
    }

    @Test
    void onlyReadingTheConsoleIsOpen() throws Exception {
        HttpResponse<String> post =
                http.send(
                        TestHttp.request(URI.create("http://127.0.0.1:" + port + "/console/"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void meNamesTheSignedInUserAndRole() throws Exception {
        HttpResponse<String> me = get("/api/v1/gateway/me", TestCredentials.admin());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"username\":\"admin\",\"role\":\"ADMIN\"}");
    }

    @Test
    void scriptsGetNoBasicChallengeSoBrowsersOpenNoPasswordDialog() throws Exception {
        HttpResponse<String> plain = get("/api/v1/gateway/me", null);
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.headers().firstValue("www-authenticate"))
                .hasValue("Basic realm=\"InferScale\"");

        HttpResponse<String> scripted =
                http.send(
                        TestHttp.request(
                                        URI.create(
                                                "http://127.0.0.1:" + port + "/api/v1/gateway/me"))
                                .header("X-Requested-With", "XMLHttpRequest")
                                .header("Authorization", TestCredentials.basic("admin", "wrong"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(scripted.statusCode()).isEqualTo(401);
        assertThat(scripted.headers().firstValue("www-authenticate")).isEmpty();
        assertThat(scripted.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b =
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The console's files as URL paths, read from the classpath the gateway serves them from. */
    private static List<String> consoleFiles() throws IOException {
        Resource[] found =
                new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:static/console/**/*.*");
        return Arrays.stream(found)
                .map(
                        r -> {
                            try {
                                String url = r.getURL().toString();
                                return url.substring(url.indexOf("/static/console/") + 7);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .sorted()
                .toList();
    }
}
