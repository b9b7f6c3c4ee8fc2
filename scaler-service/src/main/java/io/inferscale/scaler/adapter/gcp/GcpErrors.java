package io.inferscale.scaler.adapter.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;

/** Classifies gax failures; over HTTP/JSON the status code is mapped from the HTTP status. */
final class GcpErrors {
    private GcpErrors() {}

    static ProviderException classify(ApiException e, String what) {
        StatusCode.Code code = e.getStatusCode().getCode();
        String reason = e.getReason() == null ? "" : " [" + e.getReason() + "]";
        return new ProviderException(
                kindOf(code), what + ": " + code + reason + ": " + e.getMessage(), e);
    }

    static FailureKind kindOf(StatusCode.Code code) {
        return switch (code) {
            case RESOURCE_EXHAUSTED -> FailureKind.THROTTLED;
            case UNAVAILABLE, INTERNAL, ABORTED, UNKNOWN, DATA_LOSS -> FailureKind.SERVER_ERROR;
            case DEADLINE_EXCEEDED, CANCELLED -> FailureKind.TIMEOUT;
            case UNAUTHENTICATED, PERMISSION_DENIED -> FailureKind.NOT_AUTHORIZED;
            case NOT_FOUND -> FailureKind.NOT_FOUND;
            default -> FailureKind.INVALID_REQUEST;
        };
    }
}
