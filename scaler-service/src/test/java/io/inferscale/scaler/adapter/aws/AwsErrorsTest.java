package io.inferscale.scaler.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.scaler.domain.execution.FailureKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsErrorsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(
                        "Query protocol Throttling is a 400",
                        400,
                        "Throttling",
                        true,
                        FailureKind.THROTTLED),
                arguments("plain 429", 429, "TooManyRequests", false, FailureKind.THROTTLED),
                arguments(
                        "ECS ThrottlingException",
                        400,
                        "ThrottlingException",
                        true,
                        FailureKind.THROTTLED),
                arguments(
                        "500 InternalFailure",
                        500,
                        "InternalFailure",
                        false,
                        FailureKind.SERVER_ERROR),
                arguments("503 without a code", 503, null, false, FailureKind.SERVER_ERROR),
                arguments(
                        "ResourceContention is transient",
                        400,
                        "ResourceContention",
                        false,
                        FailureKind.SERVER_ERROR),
                arguments(
                        "ScalingActivityInProgress is transient",
                        400,
                        "ScalingActivityInProgress",
                        false,
                        FailureKind.SERVER_ERROR),
                arguments(
                        "ECS ServerException",
                        400,
                        "ServerException",
                        false,
                        FailureKind.SERVER_ERROR),
                arguments(
                        "ValidationError above max size",
                        400,
                        "ValidationError",
                        false,
                        FailureKind.INVALID_REQUEST),
                arguments(
                        "ECS InvalidParameterException",
                        400,
                        "InvalidParameterException",
                        false,
                        FailureKind.INVALID_REQUEST),
                arguments(
                        "403 AccessDenied", 403, "AccessDenied", false, FailureKind.NOT_AUTHORIZED),
                arguments(
                        "unknown key",
                        400,
                        "UnrecognizedClientException",
                        false,
                        FailureKind.NOT_AUTHORIZED),
                arguments(
                        "ECS ServiceNotFoundException",
                        400,
                        "ServiceNotFoundException",
                        false,
                        FailureKind.NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesByCodeAsWellAsStatus(
            String name, int status, String code, boolean sdkSaysThrottling, FailureKind expected) {
        assertThat(AwsErrors.kindOf(status, code, sdkSaysThrottling)).isEqualTo(expected);
    }
}
