package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.domain.security.ApiKeyFormat;
import io.inferscale.gateway.domain.security.ApiKeyRecord;
import io.inferscale.gateway.domain.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start: creates the first admin (password from configuration, or a generated one-time
 * password printed once) and, when configured, a bootstrap API key. There is no default password.
 * In the local stack ({@code localDir} set by bin/inferscale) the generated credentials are also
 * written there, mode 600, and belong to that directory: a checkout whose directory lacks them (a
 * second clone on a machine whose database already has an admin, or a deleted {@code var/}) gets a
 * new development key and a reset, audited, admin password there, so that {@code up} always hands
 * over working credentials. Outside the local stack nothing is ever reset.
 */
@Component
public class CredentialBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CredentialBootstrap.class);
    private static final String SYSTEM = "bootstrap";
    static final String ADMIN_PASSWORD_FILE = "admin-password";
    static final String API_KEY_FILE = "api-key";

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public CredentialBootstrap(
            UserRepository users,
            ApiKeyRepository keys,
            PasswordEncoder encoder,
            SecurityProperties properties,
            Clock clock) {
        this.users = users;
        this.keys = keys;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        bootstrapAdmin();
        bootstrapApiKey();
    }

    private void bootstrapAdmin() throws IOException {
        if (users.anyAdmin()) {
            recoverLocalAdmin();
            return;
        }
        boolean generated = isBlank(properties.adminPassword());
        String password = generated ? oneTimePassword() : properties.adminPassword();
        if (!users.insert("admin", encoder.encode(password), Role.ADMIN, SYSTEM, clock.instant())) {
            return; // another gateway instance created it first
        }
        if (generated) {
            log.warn(
                    "created user 'admin' with one-time password: {} (change it; it is not shown again)",
                    password);
            writeLocal(ADMIN_PASSWORD_FILE, password);
        } else {
            log.info("created user 'admin' with the configured password");
        }
    }

    /** Local stack only: the admin exists, but this checkout has no password file for it. */
    private void recoverLocalAdmin() throws IOException {
        if (!localFileMissing(ADMIN_PASSWORD_FILE) || !isBlank(properties.adminPassword())) {
            return;
        }
        String password = oneTimePassword();
        if (users.resetPassword(
                "admin",
                encoder.encode(password),
                SYSTEM,
                clock.instant(),
                "local stack: "
                        + ADMIN_PASSWORD_FILE
                        + " was missing in "
                        + properties.localDir())) {
            log.warn(
                    "local stack: reset the password of user 'admin' ({}/{} was missing)",
                    properties.localDir(),
                    ADMIN_PASSWORD_FILE);
            writeLocal(ADMIN_PASSWORD_FILE, password);
        }
    }

    private void bootstrapApiKey() throws IOException {
        if (!isBlank(properties.bootstrapApiKey())) {
            ApiKeyFormat.NewKey k = ApiKeyFormat.fromPlaintext(properties.bootstrapApiKey());
            if (keys.insert(record(k, "bootstrap"))) {
                log.info("created the configured bootstrap API key {}", k.id());
            }
        } else if (!isBlank(properties.localDir())
                && (!keys.anyActive() || localFileMissing(API_KEY_FILE))) {
            ApiKeyFormat.NewKey k = ApiKeyFormat.generate();
            keys.insert(record(k, "development"));
            writeLocal(API_KEY_FILE, k.plaintext());
            log.warn(
                    "created development API key {} (written to {}/api-key)",
                    k.id(),
                    properties.localDir());
        }
    }

    private ApiKeyRecord record(ApiKeyFormat.NewKey k, String name) {
        return new ApiKeyRecord(
                k.id(),
                name,
                k.secretHash(),
                properties.defaultRatePerSecond(),
                properties.defaultBurst(),
                clock.instant(),
                SYSTEM,
                null);
    }

    private boolean localFileMissing(String name) {
        return !isBlank(properties.localDir())
                && !Files.exists(Path.of(properties.localDir()).resolve(name));
    }

    private void writeLocal(String name, String secret) throws IOException {
        if (isBlank(properties.localDir())) {
            return;
        }
        Path dir = Path.of(properties.localDir());
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static String oneTimePassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
