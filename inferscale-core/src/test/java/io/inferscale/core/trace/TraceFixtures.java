package io.inferscale.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixture files under src/test/resources/trace and helpers to drain small streams. */
final class TraceFixtures {
    static final Path AZURE = resource("azure_llm_crlf_no_final_newline.csv");
    static final Path MOONCAKE = resource("mooncake_quantised.jsonl");
    static final Path PER_MINUTE = resource("per_minute_outage.csv");

    private TraceFixtures() {}

    static Path resource(String name) {
        URL url = TraceFixtures.class.getResource("/trace/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource trace/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TraceRequest> readAll(Path file, TraceFormat format, TraceOptions options) {
        try (ArrivalStream stream = TraceReaders.open(file, format, options)) {
            List<TraceRequest> requests = new ArrayList<>();
            stream.forEachRemaining(requests::add);
            return requests;
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
