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
 * written there, mode 600.
 */
@Component
public class CredentialBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CredentialBootstrap.class);
    private static final String SYSTEM = "bootstrap";

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
            writeLocal("admin-password", password);
        } else {
            log.info("created user 'admin' with the configured password");
        }
    }

    private void bootstrapApiKey() throws IOException {
        if (!isBlank(properties.bootstrapApiKey())) {
            ApiKeyFormat.NewKey k = ApiKeyFormat.fromPlaintext(properties.bootstrapApiKey());
            if (keys.insert(record(k, "bootstrap"))) {
                log.info("created the configured bootstrap API key {}", k.id());
            }
        } else if (!isBlank(properties.localDir()) && !keys.anyActive()) {
            ApiKeyFormat.NewKey k = ApiKeyFormat.generate();
            keys.insert(record(k, "development"));
            writeLocal("api-key", k.plaintext());
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
