package io.inferscale.gateway.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.inferscale.gateway.domain.security.ApiKeyRecord;
import io.inferscale.gateway.domain.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who gets which credentials at start: the first admin and the development key on an empty
 * database, nothing new on a restart, and, in the local stack only, fresh credentials for a
 * checkout whose {@code var/local} lacks them while the database already has an admin and keys.
 */
class CredentialBootstrapTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    /** Users in memory; the JDBC template is never touched. */
    static final class FakeUsers extends UserRepository {
        final Map<String, String> hashes = new HashMap<>();
        final List<String> audit = new ArrayList<>();

        FakeUsers() {
            super(null);
        }

        @Override
        public boolean anyAdmin() {
            return !hashes.isEmpty();
        }

        @Override
        public boolean insert(String user, String hash, Role role, String actor, Instant now) {
            audit.add("create-user " + user);
            return hashes.putIfAbsent(user, hash) == null;
        }

        @Override
        public boolean resetPassword(
                String user, String hash, String actor, Instant now, String reason) {
            if (!hashes.containsKey(user)) {
                return false;
            }
            hashes.put(user, hash);
            audit.add("reset-password " + user + ": " + reason);
            return true;
        }
    }

    static final class FakeKeys extends ApiKeyRepository {
        final List<ApiKeyRecord> keys = new ArrayList<>();

        FakeKeys() {
            super(null);
        }

        @Override
        public boolean anyActive() {
            return !keys.isEmpty();
        }

        @Override
        public boolean insert(ApiKeyRecord k) {
            return keys.add(k);
        }
    }

    /** Plain text "hashes": enough to see which password was set. */
    static final PasswordEncoder PLAIN =
            new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return "plain:" + raw;
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    return encoded.equals(encode(raw));
                }
            };

    final FakeUsers users = new FakeUsers();
    final FakeKeys keys = new FakeKeys();

    void start(String adminPassword, Path localDir) throws Exception {
        SecurityProperties p =
                new SecurityProperties(
                        adminPassword,
                        null,
                        localDir == null ? null : localDir.toString(),
                        Duration.ofSeconds(10),
                        100,
                        200);
        new CredentialBootstrap(users, keys, PLAIN, p, CLOCK).run(null);
    }

    @Test
    void anEmptyDatabaseGetsAnAdminAndADevelopmentKeyWrittenForTheLocalStack(@TempDir Path local)
            throws Exception {
        start(null, local);
        String password = Files.readString(local.resolve("admin-password")).strip();
        assertThat(users.hashes).containsEntry("admin", "plain:" + password);
        assertThat(keys.keys).hasSize(1);
        String key = Files.readString(local.resolve("api-key")).strip();
        assertThat(key).startsWith("isk_" + keys.keys.get(0).id() + "_");
        assertThat(Files.getPosixFilePermissions(local.resolve("api-key")))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void aRestartOfTheSameCheckoutChangesNothing(@TempDir Path local) throws Exception {
        start(null, local);
        String password = Files.readString(local.resolve("admin-password"));
        String key = Files.readString(local.resolve("api-key"));
        start(null, local);
        assertThat(Files.readString(local.resolve("admin-password"))).isEqualTo(password);
        assertThat(Files.readString(local.resolve("api-key"))).isEqualTo(key);
        assertThat(keys.keys).hasSize(1);
        assertThat(users.audit).containsExactly("create-user admin");
    }

    @Test
    void aSecondCheckoutOnTheSameDatabaseGetsWorkingCredentialsOfItsOwn(
            @TempDir Path first, @TempDir Path second) throws Exception {
        start(null, first);
        start(null, second);
        String password = Files.readString(second.resolve("admin-password")).strip();
        assertThat(users.hashes).containsEntry("admin", "plain:" + password);
        assertThat(users.audit)
                .last()
                .asString()
                .startsWith("reset-password admin: local stack: admin-password was missing");
        assertThat(keys.keys).hasSize(2);
        assertThat(Files.readString(second.resolve("api-key")))
                .startsWith("isk_" + keys.keys.get(1).id() + "_");
    }

    @Test
    void outsideTheLocalStackNothingIsEverReset() throws Exception {
        start("configured-password-1", null);
        start(null, null);
        assertThat(users.hashes).containsEntry("admin", "plain:configured-password-1");
        assertThat(users.audit).containsExactly("create-user admin");
        assertThat(keys.keys).isEmpty();
    }

    @Test
    void aConfiguredAdminPasswordIsNeverOverwrittenEvenLocally(@TempDir Path local)
            throws Exception {
        start("configured-password-1", local);
        start("configured-password-1", local);
        assertThat(users.hashes).containsEntry("admin", "plain:configured-password-1");
        assertThat(local.resolve("admin-password")).doesNotExist();
    }
}
