package io.inferscale.scaler.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTextTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "AWS access key id",
                        "The security token AKIAIOSFODNN7EXAMPLE is invalid",
                        "The security token AKIA**************** is invalid"),
                arguments(
                        "bearer token",
                        "401 for Authorization: Bearer eyJhbGciOi.abc.def, retry",
                        "401 for Authorization: Bearer ***, retry"),
                arguments(
                        "secret in a key=value",
                        "config aws_secret_access_key=wJalrXUtnFEMI/K7MDENG done",
                        "config aws_secret_access_key=*** done"),
                arguments(
                        "presigned URL signature",
                        "GET /?X-Amz-Signature=abcdef0123&X-Amz-Date=20261125 failed",
                        "GET /?X-Amz-Signature=***&X-Amz-Date=20261125 failed"),
                arguments(
                        "JSON password field",
                        "{\"password\": \"hunter2\", \"user\": \"bob\"}",
                        "{\"password\": \"***\", \"user\": \"bob\"}"),
                arguments(
                        "newlines folded",
                        "Rate exceeded\n  (Service: AutoScaling)",
                        "Rate exceeded (Service: AutoScaling)"),
                arguments(
                        "ordinary provider text untouched",
                        "Throttling: Rate exceeded (HTTP 400, request 1f2e)",
                        "Throttling: Rate exceeded (HTTP 400, request 1f2e)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void masksCredentialsAndKeepsTheRest(String name, String raw, String safe) {
        assertThat(ErrorText.safe(raw)).isEqualTo(safe);
    }

    @Test
    void boundsTheLength() {
        String safe = ErrorText.safe("x".repeat(5000));
        assertThat(safe).hasSize(ErrorText.MAX_LENGTH).endsWith("…");
    }
}
