package io.inferscale.scaler.adapter.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.inferscale.scaler.adapter.k8s.Workload.Kind;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesTargetsAndErrorsTest {
    static Stream<Arguments> targets() {
        return Stream.of(
                arguments("ml/vllm-llama", new Workload("ml", Kind.DEPLOYMENT, "vllm-llama")),
                arguments("ml/deployment/vllm", new Workload("ml", Kind.DEPLOYMENT, "vllm")),
                arguments("ml/StatefulSet/lws-0", new Workload("ml", Kind.STATEFULSET, "lws-0")),
                arguments("ml/statefulsets/tgi", new Workload("ml", Kind.STATEFULSET, "tgi")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void parsesTargets(String target, Workload expected) {
        assertThat(Workload.parse(target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vllm", "ml/", "/vllm", "ml/daemonset/x", "a/b/c/d", "ml//x"})
    void rejectsTargetsItCannotScale(String target) {
        assertThatThrownBy(() -> Workload.parse(target))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_TARGET));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("429", 429, null, FailureKind.THROTTLED),
                arguments("500", 500, null, FailureKind.SERVER_ERROR),
                arguments("409 conflict", 409, null, FailureKind.SERVER_ERROR),
                arguments("403", 403, null, FailureKind.NOT_AUTHORIZED),
                arguments("404", 404, null, FailureKind.NOT_FOUND),
                arguments("422 invalid", 422, null, FailureKind.INVALID_REQUEST),
                arguments(
                        "no answer: timeout",
                        0,
                        new SocketTimeoutException("read"),
                        FailureKind.TIMEOUT),
                arguments(
                        "no answer: refused",
                        0,
                        new ConnectException("refused"),
                        FailureKind.UNREACHABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void classifiesByStatus(String name, int code, Throwable cause, FailureKind expected) {
        KubernetesClientException e =
                new KubernetesClientException("failed", cause, code, null, null);
        assertThat(KubernetesErrors.classify(e, "scale ml/x").kind()).isEqualTo(expected);
    }
}
