package io.inferscale.scaler.adapter.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Classifies fabric8 failures by HTTP status; code 0 means no answer came back at all. */
final class KubernetesErrors {
    private KubernetesErrors() {}

    static ProviderException classify(KubernetesClientException e, String what) {
        String status =
                e.getStatus() == null || e.getStatus().getMessage() == null
                        ? e.getMessage()
                        : e.getStatus().getMessage();
        return new ProviderException(
                kindOf(e.getCode(), e), what + ": HTTP " + e.getCode() + ": " + status, e);
    }

    static FailureKind kindOf(int code, Throwable e) {
        if (code == 0) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException
                        || t instanceof SocketTimeoutException
                        || t instanceof InterruptedIOException) {
                    return FailureKind.TIMEOUT;
                }
                if (t instanceof IOException) {
                    return FailureKind.UNREACHABLE;
                }
            }
            return FailureKind.OTHER;
        }
        if (code == 429) {
            return FailureKind.THROTTLED;
        }
        // 409: another writer changed the object between our read and write; absolute counts
        // make the retry safe.
        if (code >= 500 || code == 409) {
            return FailureKind.SERVER_ERROR;
        }
        if (code == 401 || code == 403) {
            return FailureKind.NOT_AUTHORIZED;
        }
        if (code == 404) {
            return FailureKind.NOT_FOUND;
        }
        return FailureKind.INVALID_REQUEST;
    }
}
