package io.inferscale.core.trace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The trace file formats InferScale replays, with their command-line names. */
public enum TraceFormat {
    /**
     * Azure LLM inference CSV: {@code TIMESTAMP,ContextTokens,GeneratedTokens}, one row per
     * request.
     */
    AZURE_LLM("azure-llm"),
    /**
     * Mooncake JSON lines: {@code timestamp} (ms), {@code input_length}, {@code output_length},
     * {@code hash_ids}.
     */
    MOONCAKE("mooncake"),
    /**
     * Requests per minute CSV ({@code minute_start_local}/{@code unix_time_s}, {@code requests},
     * {@code outage}).
     */
    PER_MINUTE("per-minute");

    /** The command-line name that asks for {@link #detect(Path)}. */
    public static final String AUTO = "auto";

    private final String cliName;

    TraceFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /**
     * The format named on the command line; {@value #AUTO} detects it from {@code file}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static TraceFormat parse(String cliName, Path file) {
        String name = cliName.trim().toLowerCase(Locale.ROOT);
        if (name.equals(AUTO)) {
            return detect(file);
        }
        for (TraceFormat format : values()) {
            if (format.cliName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "unknown trace format \""
                        + cliName
                        + "\"; expected one of "
                        + AUTO
                        + ", "
                        + Arrays.stream(values())
                                .map(TraceFormat::cliName)
                                .collect(Collectors.joining(", ")));
    }

    /**
     * Recognises the format from the file's first line.
     *
     * @throws TraceFormatException naming line 1 when it matches no format
     */
    public static TraceFormat detect(Path file) {
        try (TraceLines lines = TraceLines.open(file)) {
            String first = lines.next();
            if (first == null) {
                throw new TraceFormatException(
                        file, 0, "empty file; cannot detect the trace format");
            }
            if (first.equals(AzureLlmCsvStream.HEADER)) {
                return AZURE_LLM;
            }
            if (first.stripLeading().startsWith("{")) {
                return MOONCAKE;
            }
            var columns = Arrays.asList(first.split(",", -1));
            if (columns.contains(PerMinuteCsvParser.REQUESTS)
                    && (columns.contains(PerMinuteCsvParser.UNIX_TIME)
                            || columns.contains(PerMinuteCsvParser.LOCAL_TIME))) {
                return PER_MINUTE;
            }
            String shown = first.length() > 120 ? first.substring(0, 120) + "..." : first;
            throw lines.error("cannot detect the trace format from \"" + shown + "\"");
        }
    }
}
