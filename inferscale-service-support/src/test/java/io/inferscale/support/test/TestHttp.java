package io.inferscale.support.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * HTTP for integration tests, always with deadlines: a service that stops answering must fail the
 * test with a timeout, never hang the build (a hung request once held CI until its 90-minute
 * limit). HTTP/1.1 only, since the services speak nothing else and the JDK's h2c upgrade attempt
 * only adds a round of negotiation.
 */
public final class TestHttp {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private TestHttp() {}

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** A request builder whose response must arrive within {@link #REQUEST_TIMEOUT}. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }
}
