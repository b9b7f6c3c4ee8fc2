package io.inferscale.gateway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Credentials the gateway ITs bootstrap through configuration, as an operator would (no default
 * password exists). All gateway ITs share one test database, so they share these values too.
 */
final class TestCredentials {
    static final String API_KEY = "isk_itkey_integration-tests-only-secret-0001";
    static final String ADMIN_PASSWORD = "it-admin-password-0001";

    private TestCredentials() {}

    static void register(DynamicPropertyRegistry registry) {
        forgetBootstrapAdmin();
        registry.add("inferscale.gateway.security.bootstrap-api-key", () -> API_KEY);
        registry.add("inferscale.gateway.security.admin-password", () -> ADMIN_PASSWORD);
    }

    /**
     * Other suites (e2e) share the database and bootstrap an admin with their own password; the
     * gateway creates its first admin only when none exists, so a leftover one is removed before
     * the context starts.
     */
    private static void forgetBootstrapAdmin() {
        String url =
                System.getenv()
                        .getOrDefault(
                                "INFERSCALE_TEST_DB_URL",
                                "jdbc:postgresql://127.0.0.1:5432/inferscale_test");
        String user = System.getenv().getOrDefault("INFERSCALE_TEST_DB_USER", "inferscale");
        String password = System.getenv().getOrDefault("INFERSCALE_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            // A session left holding the row (a killed build's JVM) must fail this, not hang it.
            st.execute("SET lock_timeout = '15s'");
            st.execute(
                    "DO $$ BEGIN IF to_regclass('gateway.app_user') IS NOT NULL THEN "
                            + "DELETE FROM gateway.app_user WHERE username = 'admin'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database at " + url, e);
        }
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }

    static String basic(String user, String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }
}
