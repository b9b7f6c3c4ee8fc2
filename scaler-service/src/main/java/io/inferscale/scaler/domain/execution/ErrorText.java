package io.inferscale.scaler.domain.execution;

import java.util.regex.Pattern;

/**
 * Makes provider error text safe to store and publish: masks anything that looks like a credential
 * and bounds the length. A second line of defence; adapters already build messages from error codes
 * and provider messages only.
 */
public final class ErrorText {
    static final int MAX_LENGTH = 500;

    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[^\\s,;]+");
    private static final Pattern SECRET_ASSIGNMENT =
            Pattern.compile(
                    "(?i)\\b([a-z0-9_.-]*(secret|password|passwd|token|signature|credential|api[_-]?key)[a-z0-9_.-]*)"
                            + "([\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&]+");

    private ErrorText() {}

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("\\s+", " ").strip();
        s = AWS_KEY_ID.matcher(s).replaceAll("$1****************");
        s = BEARER.matcher(s).replaceAll("Bearer ***");
        s = SECRET_ASSIGNMENT.matcher(s).replaceAll("$1$3***");
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "…";
    }
}
