package io.inferscale.core.trace;

import java.nio.file.Path;

/**
 * A trace file that does not match its format. The message reads {@code file:line: problem} so that
 * it can be pasted into an editor's "go to line"; line 0 means the file as a whole (for example, no
 * data rows).
 */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    public TraceFormatException(Path file, long line, String problem) {
        this(String.valueOf(file.getFileName()), line, problem);
    }

    private TraceFormatException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file's name, without its folder. */
    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
