package io.inferscale.collector.domain.scrape;

/**
 * A line the parser skipped, with why.
 *
 * @param lineNumber 1-based
 * @param text the line, cut to {@value #MAX_TEXT} characters so that a huge garbage line cannot
 *     flood a log
 */
public record MalformedLine(int lineNumber, String reason, String text) {
    public static final int MAX_TEXT = 160;

    static MalformedLine of(int lineNumber, String reason, String line) {
        String cut = line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "...";
        return new MalformedLine(lineNumber, reason, cut);
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + ": " + text;
    }
}
