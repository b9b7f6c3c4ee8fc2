package io.inferscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.core.replica.ReplicaConfig;
import io.inferscale.sim.InferenceSim;
import io.inferscale.sim.InferenceSimConfig;
import io.inferscale.support.test.ServiceIT;
import io.inferscale.support.test.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium against a real gateway and a real replica: signing in,
 * what each role may do, and that what the console does lands in the API. One browser serves the
 * whole class; each test starts from a signed-out page. The metrics-collector and scaler-service
 * are stood in for by {@link FakeServices}; the forecast-service and rl-scheduler are not running
 * (their routes point at a closed port), so their pages must say so instead of breaking.
 */
@ServiceIT
class ConsoleBrowserIT {
    static final String MODEL = "it-console";
    static final InferenceSim SIM =
            InferenceSim.start(
                    InferenceSimConfig.defaults()
                            .withHost("127.0.0.1")
                            .withPort(0)
                            .withModel(MODEL)
                            .withReplica(
                                    ReplicaConfig.simpleDefaults().withService(1_000_000L, 0.1)));
    static final FakeServices SERVICES = new FakeServices(MODEL);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("inferscale.gateway.static-replicas", () -> MODEL + "=" + SIM.baseUrl());
        String nobody = "http://127.0.0.1:" + closedPort();
        registry.add("INFERSCALE_SERVICE_FORECAST", () -> nobody);
        registry.add("INFERSCALE_SERVICE_RL_SCHEDULER", () -> nobody);
        registry.add("INFERSCALE_SERVICE_METRICS_COLLECTOR", SERVICES::baseUrl);
        registry.add("INFERSCALE_SERVICE_SCALER", SERVICES::baseUrl);
        TestCredentials.register(registry);
    }

    static ConsoleBrowser browser;
    static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            SIM.close();
            SERVICES.close();
        }
    }

    @LocalServerPort int port;
    final HttpClient http = TestHttp.client();

    /**
     * Whatever a test did, the page broke no CSP rule and threw no uncaught error. With {@code
     * -Dinferscale.console.screenshots=DIR} each test's last page is saved there, to look at.
     */
    @AfterEach
    void pageStayedClean(TestInfo test) throws IOException {
        String screenshots = System.getProperty("inferscale.console.screenshots");
        if (screenshots != null) {
            Path dir = Files.createDirectories(Path.of(screenshots));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
        }
        List<String> log = browser.drainConsole();
        assertThat(log)
                .noneMatch(line -> line.contains("Content Security Policy"))
                .noneMatch(line -> line.contains("Uncaught"))
                .noneMatch(line -> line.contains("SyntaxError"));
    }

    @Test
    void aWrongPasswordShowsAnErrorAndKeepsNothing() {
        signIn("admin", "not-the-password");
        WebElement error = waitVisible(By.id("signin-error"));
        assertThat(error.getText()).isEqualTo("Wrong username or password.");
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();
        assertThat(storedSession()).isNull();
        assertThat(driver.getCurrentUrl()).doesNotContain("not-the-password");
    }

    @Test
    void anAdminSeesTheFleetWithItsReplicaAndSignsOut() {
        signInAsAdmin();
        assertThat(waitText(By.id("whoami-role"))).isEqualTo("admin");
        WebElement card = modelCard();
        // A static replica is named after its model and address.
        String hostPort = URI.create(SIM.baseUrl()).getAuthority();
        assertThat(card.findElement(By.cssSelector("td.replica-id")).getText())
                .isEqualTo(MODEL + "@" + hostPort);
        assertThat(card.findElement(By.cssSelector("td.replica-status")).getText())
                .isEqualTo("READY");
        assertThat(card.findElement(By.cssSelector("td.mono")).getText()).contains(hostPort);
        assertThat(card.findElement(By.cssSelector(".learned")).getText())
                .contains("No learned policy has arrived");
        assertThat(navPages())
                .containsExactly("Fleet", "Metrics", "Forecasts", "Scaling", "Access");
        WebElement scraped =
                waitVisible(By.cssSelector("#fleet-scrape section[data-model='" + MODEL + "']"));
        assertThat(scraped.getText())
                .contains("1 replica, 0 healthy, 1 stale", MODEL + "-scraped", "vllm", "42 s");
        assertThat(scraped.findElements(By.cssSelector("tr.stale"))).hasSize(1);

        driver.findElement(By.id("signout")).click();
        waitVisible(By.id("signin"));
        assertThat(storedSession()).isNull();
    }

    @Test
    void changingThePolicyInTheConsoleChangesItInTheApi() throws Exception {
        signInAsAdmin();
        String before = policyInApi();
        String wanted = before.equals("least-request") ? "peak-ewma" : "least-request";
        WebElement card = modelCard();
        new Select(card.findElement(By.cssSelector("select.policy-select"))).selectByValue(wanted);
        card.findElement(By.cssSelector("button.policy-apply")).click();
        wait(Duration.ofSeconds(10))
                .until(
                        d ->
                                card.findElement(By.cssSelector(".policy-status"))
                                        .getText()
                                        .equals("Policy set to " + wanted + "."));
        assertThat(policyInApi()).isEqualTo(wanted);
    }

    @Test
    void aViewerCreatedInTheConsoleSeesThePolicyButCannotChangeIt() throws Exception {
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "viewer-password-0001";
        signInAsAdmin();
        openPage("access");
        WebElement form = waitVisible(By.id("user-form"));
        form.findElement(By.name("username")).sendKeys(viewer);
        form.findElement(By.name("password")).sendKeys(password);
        new Select(form.findElement(By.name("role"))).selectByValue("VIEWER");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("users")).getText().contains(viewer));
        driver.findElement(By.id("signout")).click();

        signIn(viewer, password);
        WebElement card = modelCard();
        assertThat(waitText(By.id("whoami-role"))).isEqualTo("viewer");
        assertThat(card.findElement(By.cssSelector("select.policy-select")).isEnabled()).isFalse();
        assertThat(card.findElement(By.cssSelector("button.policy-apply")).isEnabled()).isFalse();
        assertThat(card.getText()).contains("Changing the policy needs the operator role.");
        assertThat(navPages()).doesNotContain("Access");
        openPage("scaling");
        assertThat(waitVisible(By.id("scaling-new")).isEnabled()).isFalse();
        openPage("access");
        assertThat(waitText(By.cssSelector("#view .notice.error")))
                .isEqualTo("The Access page needs the admin role.");
        // The API says no whatever the page shows.
        HttpResponse<String> put =
                send(
                        "PUT",
                        "/api/v1/gateway/models/" + MODEL + "/policy",
                        TestCredentials.basic(viewer, password),
                        "{\"policy\":\"rr\"}");
        assertThat(put.statusCode()).isEqualTo(403);
    }

    @Test
    void anApiKeyCreatedInTheConsoleServesCompletions() throws Exception {
        signInAsAdmin();
        openPage("access");
        WebElement form = waitVisible(By.id("api-key-form"));
        form.findElement(By.name("name")).sendKeys("console-it");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        String key = waitText(By.id("new-key-secret"));
        assertThat(key).startsWith("isk_");
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("api-keys")).getText().contains("console-it"));
        // The secret lives on the page only: not in the URL, not in the browser's storage.
        assertThat(driver.getCurrentUrl()).doesNotContain(key);
        assertThat(String.valueOf(script("return JSON.stringify(window.sessionStorage)")))
                .doesNotContain(key);
        assertThat(String.valueOf(script("return JSON.stringify(window.localStorage)")))
                .doesNotContain(key);

        HttpResponse<String> completion =
                send(
                        "POST",
                        "/v1/completions",
                        TestCredentials.bearer(key),
                        "{\"model\":\"" + MODEL + "\",\"prompt\":\"hi\",\"max_tokens\":2}");
        assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
    }

    @Test
    void theMetricsPageChartsTheModelsSeries() {
        signInAsAdmin();
        openPage("metrics?model=" + MODEL + "&range=1h");
        wait(Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("figure.chart canvas")).size() == 4);
        assertThat(
                        driver.findElements(By.cssSelector("figure.chart .u-title")).stream()
                                .map(WebElement::getText)
                                .toList())
                .containsExactly(
                        "Requests per second",
                        "Latency",
                        "Time to first token",
                        "Tokens per second");
        assertThat(driver.findElement(By.cssSelector("#metrics-body .facts")).getText())
                .contains("300", "3 (1.00 %)", "from rollups");
    }

    @Test
    void aScalingPolicyMadeInTheConsoleReachesTheScalerUnderTheUsersName() {
        signInAsAdmin();
        openPage("scaling");
        waitVisible(By.id("scaling-new")).click();
        WebElement form = waitVisible(By.id("scaling-form"));
        Map.of(
                        "model", MODEL,
                        "minReplicas", "1",
                        "maxReplicas", "6",
                        "targetConcurrencyPerReplica", "4",
                        "provisioningLeadTime", "120",
                        "target", "it-console-group")
                .forEach((name, value) -> form.findElement(By.name(name)).sendKeys(value));
        new Select(form.findElement(By.name("mode"))).selectByValue("AUTO");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(Duration.ofSeconds(10))
                .until(
                        d ->
                                d.findElement(By.id("scaling-policies"))
                                        .getText()
                                        .contains("it-console-group"));

        assertThat(SERVICES.policies.get(MODEL))
                .containsEntry("minReplicas", 1)
                .containsEntry("maxReplicas", 6)
                .containsEntry("provisioningLeadTime", "PT120S")
                .containsEntry("mode", "AUTO")
                .containsEntry("provider", "local")
                .doesNotContainKey("sloTtftMs"); // left empty: the scaler's default applies
        assertThat(SERVICES.changes).extracting(c -> c.get("changedBy")).containsOnly("admin");

        openPage("scaling?model=" + MODEL);
        wait(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("scaling-detail")).getText().contains("UPSERT"));
        // The scaler does not record decisions yet: that part says so.
        assertThat(waitText(By.cssSelector("#scaling-detail .notice.unavailable")))
                .startsWith("Scaling history not available");
    }

    @Test
    void theForecastPageSaysWhenTheForecastServiceDoesNotAnswer() {
        signInAsAdmin();
        openPage("forecasts?model=" + MODEL);
        assertThat(waitText(By.cssSelector("#forecast-body .notice.unavailable")))
                .startsWith("No forecast is available for " + MODEL + ".")
                .contains("forecast-api", "is not reachable: connection refused", "(HTTP 502)");
    }

    // --- helpers ---

    private void signInAsAdmin() {
        signIn("admin", TestCredentials.ADMIN_PASSWORD);
        waitVisible(By.id("app"));
    }

    private void signIn(String user, String password) {
        browser.signIn("http://127.0.0.1:" + port + "/console/", user, password);
    }

    private void openPage(String route) {
        driver.get("http://127.0.0.1:" + port + "/console/#/" + route);
    }

    private WebElement modelCard() {
        By card = By.cssSelector("section.model[data-model='" + MODEL + "']");
        wait(Duration.ofSeconds(15))
                .until(
                        d ->
                                !d.findElements(By.cssSelector("section.model td.replica-id"))
                                        .isEmpty());
        return driver.findElement(card);
    }

    private List<String> navPages() {
        return driver.findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private Object storedSession() {
        return script("return window.sessionStorage.getItem('inferscale.console.session')");
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private WebElement waitVisible(By by) {
        return browser.waitVisible(by);
    }

    private String waitText(By by) {
        return wait(Duration.ofSeconds(15))
                .until(
                        d -> {
                            List<WebElement> found = d.findElements(by);
                            String text = found.isEmpty() ? "" : found.get(0).getText();
                            return text.isBlank() ? null : text;
                        });
    }

    private static WebDriverWait wait(Duration timeout) {
        return browser.waitUpTo(timeout);
    }

    private String policyInApi() throws Exception {
        HttpResponse<String> r =
                send("GET", "/api/v1/gateway/models/" + MODEL, TestCredentials.admin(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"policy\":\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(String method, String path, String auth, String json)
            throws Exception {
        HttpRequest.Builder b =
                TestHttp.request(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", auth)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("content-type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nobody listens on: the services behind the gateway's API routes are not running. */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
