package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.support.test.ServiceIT;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's Forecasts page with a forecast-service that answers (stood in for by {@link
 * FakeServices} in ForecastController's shapes): an LLM model gets its request-rate chart and,
 * since it reports output tokens, a token-rate chart, each with the observed history and the
 * forecast quantiles. {@link ConsoleBrowserIT} covers the page when the service is down.
 */
@ServiceIT
class ConsoleForecastBrowserIT {
    static final String MODEL = "it-console-forecast";
    static final FakeServices SERVICES = new FakeServices(MODEL);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // Listed for the model picker only: the page routes no request to it.
        registry.add("inferscale.gateway.static-replicas", () -> MODEL + "=http://127.0.0.1:9");
        registry.add("INFERSCALE_SERVICE_FORECAST", SERVICES::baseUrl);
        registry.add("INFERSCALE_SERVICE_METRICS_COLLECTOR", SERVICES::baseUrl);
        TestCredentials.register(registry);
    }

    static ConsoleBrowser browser;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            SERVICES.close();
        }
    }

    @LocalServerPort int port;

    @Test
    void anLlmModelGetsItsRequestAndTokenForecastsChartedAfterTheHistory() {
        browser.signIn(
                "http://127.0.0.1:" + port + "/console/", "admin", TestCredentials.ADMIN_PASSWORD);
        browser.waitVisible(By.id("app"));
        browser.driver.get("http://127.0.0.1:" + port + "/console/#/forecasts?model=" + MODEL);
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("figure.chart canvas")).size() == 2);
        assertThat(
                        browser
                                .driver
                                .findElements(By.cssSelector("figure.chart .u-title"))
                                .stream()
                                .map(WebElement::getText)
                                .toList())
                .containsExactly("Demand of " + MODEL, "Output tokens of " + MODEL);
        // The legends name the observed series and both quantiles, per chart.
        String legends =
                browser.driver.findElements(By.cssSelector("figure.chart .u-legend")).stream()
                        .map(WebElement::getText)
                        .reduce("", (a, b) -> a + "\n" + b);
        assertThat(legends)
                .contains("observed req/s", "observed tok/s", "forecast p50", "forecast p90");
        assertThat(browser.driver.findElement(By.cssSelector("#forecast-body .facts")).getText())
                .contains("dnn (version v3)", "requests_per_second", "fresh inputs");
        assertThat(browser.drainConsole())
                .noneMatch(line -> line.contains("Content Security Policy"))
                .noneMatch(line -> line.contains("Uncaught"));
    }
}
