package io.inferscale.collector.adapter.scrape;

import io.inferscale.collector.domain.scrape.ScrapeTarget;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Scrapes over the JDK's asynchronous {@link HttpClient}: one selector thread multiplexes every
 * connection, kept alive between scrapes, and a small executor completes the exchanges, so 1,000
 * targets cost a few threads, not 1,000 (docs/benchmarks.md).
 */
public final class HttpScraper implements Scraper {
    private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBodyBytes;

    public HttpScraper(Executor executor, Duration timeout, long maxBodyBytes) {
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(executor)
                        .build();
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public CompletableFuture<String> fetch(ScrapeTarget target) {
        HttpRequest request =
                HttpRequest.newBuilder(target.metricsUri())
                        .timeout(timeout)
                        .header("Accept", ACCEPT)
                        .GET()
                        .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(
                        request,
                        info ->
                                info.statusCode() / 100 == 2
                                        ? new LimitedUtf8Body(maxBodyBytes)
                                        : HttpResponse.BodySubscribers.replacing(null));
        CompletableFuture<String> body =
                exchange.thenApply(
                        response -> {
                            if (response.statusCode() / 100 != 2) {
                                throw new ScrapeFailure("HTTP " + response.statusCode());
                            }
                            return response.body();
                        });
        // The request timeout only covers the wait for headers; this one covers a body that
        // trickles in, and cancelling the exchange closes its connection.
        body.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete(
                        (ok, failure) -> {
                            if (failure instanceof TimeoutException) {
                                exchange.cancel(true);
                            }
                        });
        return body;
    }
}
