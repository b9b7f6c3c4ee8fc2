package io.inferscale.scaler.adapter.aws;

import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies AWS SDK failures. AWS signals throttling with HTTP 400 as often as with 429 (Query
 * protocol {@code Throttling}, JSON {@code ThrottlingException}), so the error code decides, not
 * only the status.
 */
final class AwsErrors {
    /** Provider-side transient faults that come back as 4xx. */
    static final Set<String> TRANSIENT_CODES =
            Set.of(
                    "ResourceContention",
                    "ScalingActivityInProgress",
                    "ServerException",
                    "ServiceUnavailable",
                    "InternalFailure",
                    "RequestTimeout",
                    "RequestTimeoutException");

    static final Set<String> AUTH_CODES =
            Set.of(
                    "AccessDenied",
                    "AccessDeniedException",
                    "UnrecognizedClientException",
                    "InvalidClientTokenId",
                    "SignatureDoesNotMatch",
                    "ExpiredToken",
                    "ExpiredTokenException",
                    "IncompleteSignature",
                    "MissingAuthenticationToken");

    static final Set<String> NOT_FOUND_CODES =
            Set.of("ServiceNotFoundException", "ClusterNotFoundException");

    private AwsErrors() {}

    static ProviderException classify(SdkException e, String what) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message =
                    what
                            + ": "
                            + (code == null ? "" : code + ": ")
                            + (s.awsErrorDetails() == null
                                    ? s.getMessage()
                                    : s.awsErrorDetails().errorMessage())
                            + " (HTTP "
                            + s.statusCode()
                            + ", request "
                            + s.requestId()
                            + ")";
            return new ProviderException(
                    kindOf(s.statusCode(), code, s.isThrottlingException()), message);
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return new ProviderException(FailureKind.TIMEOUT, what + ": " + e.getMessage());
        }
        if (e instanceof AbortedException) {
            return new ProviderException(FailureKind.OTHER, what + ": aborted");
        }
        Throwable cause = rootCause(e);
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
            return new ProviderException(FailureKind.TIMEOUT, what + ": " + cause);
        }
        if (cause instanceof IOException) {
            return new ProviderException(FailureKind.UNREACHABLE, what + ": " + cause);
        }
        // Missing credentials or region, and other client-side configuration errors.
        return new ProviderException(FailureKind.OTHER, what + ": " + e.getMessage());
    }

    static FailureKind kindOf(int status, String code, boolean throttling) {
        if (throttling || status == 429) {
            return FailureKind.THROTTLED;
        }
        if (status >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
            return FailureKind.SERVER_ERROR;
        }
        if (status == 401 || status == 403 || (code != null && AUTH_CODES.contains(code))) {
            return FailureKind.NOT_AUTHORIZED;
        }
        if (status == 404 || (code != null && NOT_FOUND_CODES.contains(code))) {
            return FailureKind.NOT_FOUND;
        }
        return FailureKind.INVALID_REQUEST;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
