package io.inferscale.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceRouteErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "refused, as Netty words it",
                        new ConnectException(
                                "finishConnect(..) failed with error(-111): Connection refused:"
                                        + " /127.0.0.1:8082"),
                        "connection refused"),
                Arguments.of(
                        "connect timeout",
                        new ConnectException("connection timed out after 2000 ms: /10.0.0.1:8081"),
                        "connect timed out"),
                Arguments.of(
                        "wrapped in another exception",
                        new IllegalStateException(new ConnectException("Connection refused")),
                        "connection refused"),
                Arguments.of(
                        "unknown host",
                        new UnknownHostException("scaler.internal"),
                        "unknown host scaler.internal"),
                Arguments.of(
                        "reached and then failed: not ours to rewrite",
                        new IOException("Connection reset by peer"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void namesWhyAServiceWasNotReached(String name, Throwable failure, String expected) {
        assertThat(ServiceRouteErrors.unreachable(failure)).isEqualTo(expected);
    }
}
