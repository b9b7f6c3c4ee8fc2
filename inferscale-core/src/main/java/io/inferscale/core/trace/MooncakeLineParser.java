package io.inferscale.core.trace;

import java.util.Arrays;

/**
 * Strict parser for one Mooncake JSON line: an object with exactly the integer fields {@code
 * timestamp}, {@code input_length}, {@code output_length} and the integer array {@code hash_ids},
 * in any order, with JSON whitespace. Anything else (unknown or repeated fields, fractions,
 * strings, nulls, trailing text) is an error naming the line. A general JSON library would accept
 * more and cost a dependency for four fields.
 */
final class MooncakeLineParser {
    private final TraceLines lines;
    private long[] hashBuffer = new long[64];
    private String text;
    private int pos;

    long timestampMs;
    int inputLength;
    int outputLength;
    long[] hashIds;

    MooncakeLineParser(TraceLines lines) {
        this.lines = lines;
    }

    void parse(String line) {
        text = line;
        pos = 0;
        boolean seenTimestamp = false;
        boolean seenInput = false;
        boolean seenOutput = false;
        boolean seenHashes = false;
        expect('{');
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                String key = key();
                expect(':');
                switch (key) {
                    case "timestamp" -> {
                        seenTimestamp = once(seenTimestamp, key);
                        timestampMs = integer(key, Long.MAX_VALUE / 1_000_000L);
                    }
                    case "input_length" -> {
                        seenInput = once(seenInput, key);
                        inputLength = (int) integer(key, Integer.MAX_VALUE);
                    }
                    case "output_length" -> {
                        seenOutput = once(seenOutput, key);
                        outputLength = (int) integer(key, Integer.MAX_VALUE);
                    }
                    case "hash_ids" -> {
                        seenHashes = once(seenHashes, key);
                        hashIds = hashArray();
                    }
                    default -> throw lines.error("unknown field \"" + key + "\"");
                }
                char c = next("',' or '}'");
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw unexpected(c, "',' or '}'");
                }
            }
        }
        skipWhitespace();
        if (pos < text.length()) {
            throw lines.error("unexpected text after the JSON object at column " + (pos + 1));
        }
        requireSeen(seenTimestamp, "timestamp");
        requireSeen(seenInput, "input_length");
        requireSeen(seenOutput, "output_length");
        requireSeen(seenHashes, "hash_ids");
    }

    private boolean once(boolean seen, String key) {
        if (seen) {
            throw lines.error("field \"" + key + "\" appears twice");
        }
        return true;
    }

    private void requireSeen(boolean seen, String key) {
        if (!seen) {
            throw lines.error("missing field \"" + key + "\"");
        }
    }

    private String key() {
        expect('"');
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                throw lines.error("escaped field names are not supported, at column " + (pos + 1));
            }
            pos++;
        }
        throw lines.error("unterminated field name");
    }

    private long[] hashArray() {
        expect('[');
        int count = 0;
        if (peek() == ']') {
            pos++;
            return TraceRequest.NO_HASHES;
        }
        while (true) {
            if (count == hashBuffer.length) {
                hashBuffer = Arrays.copyOf(hashBuffer, count * 2);
            }
            hashBuffer[count++] = integer("hash_ids element", Long.MAX_VALUE);
            char c = next("',' or ']'");
            if (c == ']') {
                return Arrays.copyOf(hashBuffer, count);
            }
            if (c != ',') {
                throw unexpected(c, "',' or ']'");
            }
        }
    }

    /** A non-negative JSON integer no larger than {@code max}. */
    private long integer(String field, long max) {
        skipWhitespace();
        int start = pos;
        long value = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            if (value > (max - (c - '0')) / 10) {
                throw lines.error(field + " " + token(start) + " is too large");
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        boolean leadingZero = pos - start > 1 && text.charAt(start) == '0';
        if (pos == start
                || leadingZero
                || (pos < text.length() && !isDelimiter(text.charAt(pos)))) {
            String token = token(start);
            if (token.startsWith("-")
                    && token.length() > 1
                    && token.substring(1).chars().allMatch(Character::isDigit)) {
                throw lines.error(field + " " + token + " is negative");
            }
            throw lines.error(
                    field
                            + " "
                            + (token.isEmpty()
                                    ? "is missing its value"
                                    : token + " is not an integer"));
        }
        return value;
    }

    /** The raw value starting at {@code start}, for error messages. */
    private String token(int start) {
        int end = start;
        while (end < text.length() && !isDelimiter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || isWhitespace(c);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private char next(String expected) {
        skipWhitespace();
        if (pos >= text.length()) {
            throw lines.error("line ends where " + expected + " was expected");
        }
        return text.charAt(pos++);
    }

    private void expect(char wanted) {
        char c = next("'" + wanted + "'");
        if (c != wanted) {
            throw unexpected(c, "'" + wanted + "'");
        }
    }

    private TraceFormatException unexpected(char found, String expected) {
        return lines.error(
                "expected " + expected + " at column " + pos + ", found '" + found + "'");
    }
}
