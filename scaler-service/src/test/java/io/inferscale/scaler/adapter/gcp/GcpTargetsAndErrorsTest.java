package io.inferscale.scaler.adapter.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.StatusCode.Code;
import io.inferscale.scaler.domain.execution.FailureKind;
import io.inferscale.scaler.domain.execution.ProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GcpTargetsAndErrorsTest {
    @Test
    void parsesProjectZoneMig() {
        assertThat(GcpMigAdapter.Mig.parse("inferscale-prod/us-central1-a/vllm-llama"))
                .isEqualTo(new GcpMigAdapter.Mig("inferscale-prod", "us-central1-a", "vllm-llama"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vllm", "p/z", "p/z/m/x", "p//m"})
    void rejectsOtherShapes(String target) {
        assertThatThrownBy(() -> GcpMigAdapter.Mig.parse(target))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_TARGET));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "RESOURCE_EXHAUSTED, THROTTLED",
        "UNAVAILABLE, SERVER_ERROR",
        "INTERNAL, SERVER_ERROR",
        "DEADLINE_EXCEEDED, TIMEOUT",
        "PERMISSION_DENIED, NOT_AUTHORIZED",
        "UNAUTHENTICATED, NOT_AUTHORIZED",
        "NOT_FOUND, NOT_FOUND",
        "INVALID_ARGUMENT, INVALID_REQUEST",
        "FAILED_PRECONDITION, INVALID_REQUEST"
    })
    void classifiesStatusCodes(Code code, FailureKind expected) {
        assertThat(GcpErrors.kindOf(code)).isEqualTo(expected);
    }
}
