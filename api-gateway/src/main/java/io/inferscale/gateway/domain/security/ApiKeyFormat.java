package io.inferscale.gateway.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code isk_<id>_<secret>}: the id finds the row, the secret is checked against
 * its SHA-256. A salted slow hash (bcrypt) would cost milliseconds per request; a 256-bit random
 * secret does not need one, since it cannot be guessed from its hash by brute force.
 */
public final class ApiKeyFormat {
    static final String PREFIX = "isk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {}

    public record ParsedKey(String id, String secret) {}

    public record NewKey(String id, String secret, String secretHash) {
        public String plaintext() {
            return PREFIX + id + "_" + secret;
        }
    }

    public static NewKey generate() {
        String id = token(9);
        String secret = token(32);
        return new NewKey(id, secret, hash(secret));
    }

    /** A key supplied by an operator (e.g. from a secret store) must have the same shape. */
    public static NewKey fromPlaintext(String plaintext) {
        ParsedKey k =
                parse(plaintext)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "bootstrap API key must look like isk_<id>_<secret>"));
        if (k.secret().length() < 24) {
            throw new IllegalArgumentException(
                    "bootstrap API key secret must be at least 24 characters");
        }
        return new NewKey(k.id(), k.secret(), hash(k.secret()));
    }

    public static Optional<ParsedKey> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = presented.substring(PREFIX.length());
        int sep = rest.indexOf('_');
        if (sep <= 0 || sep == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(rest.substring(0, sep), rest.substring(sep + 1)));
    }

    public static String hash(String secret) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Constant-time comparison, so response timing does not leak how much of a hash matched. */
    public static boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        // base64url without '_' so the separator stays unambiguous
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x');
    }
}
