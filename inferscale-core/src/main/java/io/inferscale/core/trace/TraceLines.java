package io.inferscale.core.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a trace file line by line (LF or CRLF, with or without a final newline), counting lines so
 * that every error names the file and line.
 */
final class TraceLines implements AutoCloseable {
    private static final char BOM = '\uFEFF';

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private TraceLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    static TraceLines open(Path file) {
        try {
            return new TraceLines(file, Files.newBufferedReader(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace " + file, e);
        }
    }

    /** The next line without its terminator, or null at the end of the file. */
    String next() {
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read trace " + file + " after line " + lineNumber, e);
        }
        if (line == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
            line = line.substring(1);
        }
        return line;
    }

    /**
     * The next line, rejecting a blank one: a blank line inside a trace is damage, not formatting.
     */
    String nextNonBlank() {
        String line = next();
        if (line != null && line.isBlank()) {
            throw error("empty line");
        }
        return line;
    }

    long lineNumber() {
        return lineNumber;
    }

    Path file() {
        return file;
    }

    TraceFormatException error(String problem) {
        return new TraceFormatException(file, lineNumber, problem);
    }

    /** Parses {@code text} as a non-negative decimal int, naming {@code field} if it is not one. */
    int nonNegativeInt(String text, String field) {
        long value = nonNegativeLong(text, field);
        if (value > Integer.MAX_VALUE) {
            throw error(field + " " + text + " is too large");
        }
        return (int) value;
    }

    long nonNegativeLong(String text, String field) {
        int length = text.length();
        if (length == 0) {
            throw error(field + " is empty");
        }
        if (length > 18) {
            if (allDigits(text)) {
                throw error(field + " " + text + " is too large");
            }
            throw notAnInteger(text, field);
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw notAnInteger(text, field);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private TraceFormatException notAnInteger(String text, String field) {
        if (text.length() > 1 && text.charAt(0) == '-' && allDigits(text.substring(1))) {
            return error(field + " " + text + " is negative");
        }
        return error(field + " \"" + text + "\" is not an integer");
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace " + file, e);
        }
    }
}
