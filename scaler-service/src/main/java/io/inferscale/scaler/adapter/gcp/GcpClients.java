package io.inferscale.scaler.adapter.gcp;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceGroupManagersSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Builds the Compute client on the HTTP/JSON transport (the only one Compute offers). gax's own
 * retries are off: Resilience4j retries each attempt so that every attempt is recorded.
 */
public final class GcpClients {
    private GcpClients() {}

    /**
     * @param credentials Application Default Credentials in production ({@link
     *     InstanceGroupManagersSettings#defaultCredentialsProviderBuilder()}), none in tests
     */
    public static InstanceGroupManagersClient instanceGroupManagers(
            GcpProperties props, CredentialsProvider credentials) {
        InstanceGroupManagersSettings.Builder b =
                InstanceGroupManagersSettings.newBuilder().setCredentialsProvider(credentials);
        if (props.endpoint() != null && !props.endpoint().isBlank()) {
            b.setEndpoint(props.endpoint());
        }
        Duration timeout = props.callTimeout();
        b.resizeSettings().setSimpleTimeoutNoRetriesDuration(timeout);
        b.getSettings().setSimpleTimeoutNoRetriesDuration(timeout);
        b.listManagedInstancesSettings().setRetryableCodes().setRetrySettings(once(timeout));
        try {
            return InstanceGroupManagersClient.create(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the GCP Compute client", e);
        }
    }

    private static RetrySettings once(Duration timeout) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setInitialRpcTimeoutDuration(timeout)
                .setMaxRpcTimeoutDuration(timeout)
                .setTotalTimeoutDuration(timeout)
                .build();
    }
}
