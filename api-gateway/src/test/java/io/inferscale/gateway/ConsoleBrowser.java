package io.inferscale.gateway;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver. Both paths are given, so Selenium
 * Manager never runs (it would try to download a driver and send usage statistics); the flags keep
 * Chromium from reaching out to Google's services, which this machine cannot reach anyway.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String CHROMIUM = env("INFERSCALE_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("INFERSCALE_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(
                    "the console tests need Chromium and chromedriver at "
                            + CHROMIUM
                            + " and "
                            + CHROMEDRIVER
                            + ": run bin/lib/ensure-chromium.sh (Debian: apt-get install chromium"
                            + " chromium-driver)");
        }
        // No OpenTelemetry spans around WebDriver calls: nothing collects them here.
        System.setProperty("webdriver.remote.enableTracing", "false");
        Path profile;
        try {
            profile = Files.createTempDirectory("inferscale-console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--password-store=basic",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // The tests type passwords into forms: Chrome's password manager would offer to save them
        // and check them for leaks online, neither of which a test browser should do.
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "credentials_enable_service", false,
                        "profile.password_manager_enabled", false,
                        "profile.password_manager_leak_detection", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .withTimeout(Duration.ofSeconds(30))
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new ConsoleBrowser(driver, profile);
    }

    /** What the page logged since the last call (errors, CSP violations, failed loads). */
    List<String> drainConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString)
                .toList();
    }

    /**
     * Opens the console at {@code consoleUrl}, signs out through it if a test left it signed in,
     * signs in, and waits until the app or the sign-in error shows.
     */
    void signIn(String consoleUrl, String user, String password) {
        try {
            driver.get(consoleUrl);
        } catch (TimeoutException e) {
            // Seen under heavy machine load, before the console existed too: the gateway leaves one
            // request unanswered (here a static file; GatewaySecurityIT meets it on /v1), so the
            // page never finishes loading. One fresh load; a console that cannot load fails again.
            driver.get(consoleUrl);
        }
        WebElement shown = waitVisible(By.cssSelector("#signin:not([hidden]), #app:not([hidden])"));
        if (shown.getAttribute("id").equals("app")) {
            driver.findElement(By.id("signout")).click();
            waitVisible(By.id("signin"));
        }
        driver.findElement(By.id("signin-username")).sendKeys(user);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
        waitUpTo(Duration.ofSeconds(10))
                .until(
                        d ->
                                d.findElement(By.id("app")).isDisplayed()
                                        || d.findElement(By.id("signin-error")).isDisplayed());
    }

    /** The first element matching {@code by}, once it is displayed (15 s at most). */
    WebElement waitVisible(By by) {
        return waitUpTo(Duration.ofSeconds(15))
                .until(
                        d -> {
                            List<WebElement> found = d.findElements(by);
                            return !found.isEmpty() && found.get(0).isDisplayed()
                                    ? found.get(0)
                                    : null;
                        });
    }

    WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
