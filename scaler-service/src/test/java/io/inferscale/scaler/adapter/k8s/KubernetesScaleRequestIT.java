package io.inferscale.scaler.adapter.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact requests the adapter sends to the scale subresource, against fabric8's mock API server
 * with expectations, through a client built by {@link KubernetesClients} (so fabric8's own retries
 * are off, as in production).
 */
class KubernetesScaleRequestIT {
    static final String DEPLOYMENT_SCALE =
            "/apis/apps/v1/namespaces/ml/deployments/vllm-llama/scale";

    KubernetesMockServer server;
    KubernetesClient client;
    KubernetesScaleAdapter adapter;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        client =
                KubernetesClients.create(
                        new KubernetesProperties(
                                server.url("/"), Duration.ofSeconds(5), null, "vllm"));
        adapter = new KubernetesScaleAdapter(client, null, "vllm", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        adapter.close();
        server.destroy();
    }

    static ScalingTarget target(String t) {
        return new ScalingTarget("llm-demo", KubernetesScaleAdapter.PROVIDER, t);
    }

    @Test
    void putsAnAbsoluteScaleToTheDeploymentsScaleSubresource() throws Exception {
        server.expect().put().withPath(DEPLOYMENT_SCALE).andReturn(200, scale(3)).once();

        adapter.setDesiredReplicas(target("ml/vllm-llama"), 3);

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getMethod()).isEqualTo("PUT");
        assertThat(sent.getPath()).isEqualTo(DEPLOYMENT_SCALE);
        assertThat(sent.getUtf8Body())
                .contains("\"kind\":\"Scale\"", "\"apiVersion\":\"autoscaling/v1\"")
                .contains("\"name\":\"vllm-llama\"", "\"namespace\":\"ml\"")
                .contains("\"spec\":{\"replicas\":3}")
                // No optimistic lock: an absolute count is right whatever the current version.
                .doesNotContain("resourceVersion");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void scalesAStatefulSetToZero() throws Exception {
        String path = "/apis/apps/v1/namespaces/ml/statefulsets/tgi/scale";
        server.expect().put().withPath(path).andReturn(200, scale(0)).once();

        adapter.setDesiredReplicas(target("ml/statefulset/tgi"), 0);

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getPath()).isEqualTo(path);
        assertThat(sent.getUtf8Body()).contains("\"spec\":{\"replicas\":0}");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "404, NOT_FOUND",
        "429, THROTTLED",
        "500, SERVER_ERROR",
        "403, NOT_AUTHORIZED",
        "422, INVALID_REQUEST"
    })
    void classifiesApiErrorsAfterOneRequest(int code, FailureKind expected) {
        server.expect()
                .put()
                .withPath(DEPLOYMENT_SCALE)
                .andReturn(
                        code,
                        new StatusBuilder()
                                .withCode(code)
                                .withStatus("Failure")
                                .withMessage("injected " + code)
                                .build())
                .always();

        assertThatThrownBy(() -> adapter.setDesiredReplicas(target("ml/vllm-llama"), 3))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(expected);
                            assertThat(e.getMessage()).contains("scale ml/deployment/vllm-llama");
                        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static io.fabric8.kubernetes.api.model.autoscaling.v1.Scale scale(int replicas) {
        return new ScaleBuilder()
                .withNewMetadata()
                .withName("vllm-llama")
                .withNamespace("ml")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build();
    }
}
