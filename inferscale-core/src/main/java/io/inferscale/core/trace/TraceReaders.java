package io.inferscale.core.trace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** Opens trace files as arrival streams. */
public final class TraceReaders {
    private TraceReaders() {}

    /**
     * Opens {@code file} for a lazy replay. Request-level files are read as the stream advances, so
     * a malformed row surfaces from {@code hasNext()}/{@code next()}; per-minute files are small
     * and read whole here.
     *
     * @throws TraceFormatException naming the file and line of a malformed row
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static ArrivalStream open(Path file, TraceFormat format, TraceOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return switch (format) {
            case AZURE_LLM -> new AzureLlmCsvStream(file, options);
            case MOONCAKE -> new MooncakeJsonlStream(file, options);
            case PER_MINUTE ->
                    new PerMinuteArrivalStream(
                            PerMinuteSeries.read(file, options.scale()), options);
        };
    }

    /**
     * The instant a trace counts from, e.g. to resolve {@code --from 2023-11-16T18:30:00Z} with
     * {@link TraceOffsets} before opening the replay.
     */
    public static Instant traceStart(Path file, TraceFormat format) {
        try (ArrivalStream stream = open(file, format, TraceOptions.defaults())) {
            return stream.traceStart();
        }
    }
}
