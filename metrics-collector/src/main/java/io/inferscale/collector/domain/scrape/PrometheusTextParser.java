package io.inferscale.collector.domain.scrape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict parser for the Prometheus text exposition format 0.0.4 (see docs/adr/0005). Strict per
 * line, tolerant per scrape: a line that breaks the format is skipped and reported with its reason,
 * and every other line still counts, because one server bug must not blind the collector to a
 * replica's load.
 *
 * <p>Accepted as the format allows: no final newline, blank lines, a trailing comma in a label set
 * ({@code {a="b",}}), labels in any order, blanks between label tokens, {@code NaN}/{@code
 * +Inf}/{@code -Inf}, an optional integer timestamp. A trailing {@code \r} is treated as part of
 * the line ending. Rejected: invalid metric or label names, reserved ({@code __}) label names, a
 * duplicate label, an invalid escape in a label value (only {@code \\}, {@code \"}, {@code \n}
 * exist), a value that is not a Go-style float (Java extras such as {@code 1d} or hex are refused),
 * a second HELP or TYPE for one name, a TYPE after the family's samples, an unknown type, a
 * histogram bucket without a numeric {@code le}, a summary quantile without a numeric {@code
 * quantile}, and a repeated series (the first one is kept).
 */
public final class PrometheusTextParser {

    private PrometheusTextParser() {}

    public static Exposition parse(String text) {
        return new Run(text).parse();
    }

    /** A line-level failure; carries no stack trace, since garbage input makes many of them. */
    private static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Run {
        private final String text;
        private final Map<String, List<Sample>> samples = new HashMap<>();
        private final Map<String, MetricType> types = new HashMap<>();
        private final Set<String> helped = new HashSet<>();
        private final Set<String> familiesWithSamples = new HashSet<>();
        private final Set<String> series = new HashSet<>();
        private final List<MalformedLine> malformed = new ArrayList<>();
        private int malformedCount;
        private int sampleCount;
        private String line;
        private int pos;

        Run(String text) {
            this.text = text;
        }

        Exposition parse() {
            int start = 0;
            int lineNumber = 0;
            int n = text.length();
            while (start < n) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = n;
                }
                int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lineNumber++;
                parseLine(text.substring(start, stop), lineNumber);
                start = end + 1;
            }
            return new Exposition(samples, types, sampleCount, malformedCount, malformed);
        }

        private void parseLine(String l, int lineNumber) {
            line = l;
            pos = 0;
            skipBlanks();
            if (pos == line.length()) {
                return;
            }
            try {
                if (line.charAt(pos) == '#') {
                    comment();
                } else {
                    sample();
                }
            } catch (Malformed e) {
                malformedCount++;
                if (malformed.size() < Exposition.MAX_MALFORMED_DETAILS) {
                    malformed.add(MalformedLine.of(lineNumber, e.getMessage(), line));
                }
            }
        }

        private void comment() {
            pos++;
            skipBlanks();
            String keyword = token();
            boolean help = keyword.equals("HELP");
            if (!help && !keyword.equals("TYPE")) {
                return; // an ordinary comment
            }
            requireBlank(help ? "expected a blank after HELP" : "expected a blank after TYPE");
            String name = metricName();
            if (help) {
                if (pos < line.length() && !isBlank(line.charAt(pos))) {
                    throw new Malformed("invalid character in metric name");
                }
                if (!helped.add(name)) {
                    throw new Malformed("second HELP line for " + name);
                }
                return; // the docstring itself is not used
            }
            requireBlank("expected a blank before the type");
            String token = token();
            MetricType type = MetricType.fromToken(token);
            if (type == null) {
                throw new Malformed("unknown metric type '" + token + "'");
            }
            skipBlanks();
            if (pos < line.length()) {
                throw new Malformed("unexpected text after the type");
            }
            if (types.containsKey(name)) {
                throw new Malformed("second TYPE line for " + name);
            }
            if (familiesWithSamples.contains(name)) {
                throw new Malformed("TYPE line for " + name + " after its samples");
            }
            types.put(name, type);
        }

        private void sample() {
            String name = metricName();
            Map<String, String> labels = Map.of();
            if (pos < line.length() && line.charAt(pos) == '{') {
                labels = labels();
            } else if (pos < line.length() && !isBlank(line.charAt(pos))) {
                throw new Malformed("invalid character in metric name");
            }
            int labelsEnd = pos;
            skipBlanks();
            if (pos == line.length()) {
                throw new Malformed("missing value");
            }
            double value = parseValue(token(), "value");
            skipBlanks();
            Long timestamp = null;
            if (pos < line.length()) {
                timestamp = parseTimestamp(token());
                skipBlanks();
                if (pos < line.length()) {
                    throw new Malformed("unexpected text after the timestamp");
                }
            }
            String family = checkFamily(name, labels);
            // The label text as written identifies a series: servers write one series' labels in
            // one order, and hashing one string per sample keeps a 1,000-target scrape cheap.
            if (!series.add(line.substring(0, labelsEnd))) {
                throw new Malformed("repeated series " + name + labels);
            }
            familiesWithSamples.add(family);
            samples.computeIfAbsent(name, k -> new ArrayList<>(4))
                    .add(new Sample(name, Collections.unmodifiableMap(labels), value, timestamp));
            sampleCount++;
        }

        /** The family a sample belongs to, after checking what its declared type requires. */
        private String checkFamily(String name, Map<String, String> labels) {
            MetricType type = types.get(name);
            String family = name;
            if (type == null) {
                String base = baseName(name);
                MetricType baseType = base == null ? null : types.get(base);
                if (baseType == MetricType.HISTOGRAM
                        || (baseType == MetricType.SUMMARY && !name.endsWith("_bucket"))) {
                    family = base;
                    type = baseType;
                }
            }
            if (type == MetricType.HISTOGRAM) {
                if (family.equals(name)) {
                    throw new Malformed("histogram sample needs a _bucket, _sum or _count suffix");
                }
                if (name.endsWith("_bucket")) {
                    String le = labels.get("le");
                    if (le == null) {
                        throw new Malformed("histogram bucket without an le label");
                    }
                    parseValue(le, "le label");
                }
            } else if (type == MetricType.SUMMARY && family.equals(name)) {
                String quantile = labels.get("quantile");
                if (quantile == null) {
                    throw new Malformed("summary sample without a quantile label");
                }
                parseValue(quantile, "quantile label");
            }
            return family;
        }

        private Map<String, String> labels() {
            pos++; // '{'
            Map<String, String> labels = new LinkedHashMap<>(8);
            while (true) {
                skipBlanks();
                if (pos >= line.length()) {
                    throw new Malformed("unterminated label set");
                }
                if (line.charAt(pos) == '}') {
                    pos++;
                    return labels; // empty set, or a trailing comma
                }
                String labelName = labelName();
                skipBlanks();
                if (!accept('=')) {
                    throw new Malformed("expected '=' after label " + labelName);
                }
                skipBlanks();
                if (!accept('"')) {
                    throw new Malformed("value of label " + labelName + " must be quoted");
                }
                String value = labelValue();
                if (labelName.startsWith("__")) {
                    throw new Malformed("reserved label name " + labelName);
                }
                if (labels.put(labelName, value) != null) {
                    throw new Malformed("duplicate label " + labelName);
                }
                skipBlanks();
                if (pos >= line.length()) {
                    throw new Malformed("unterminated label set");
                }
                char c = line.charAt(pos++);
                if (c == '}') {
                    return labels;
                }
                if (c != ',') {
                    throw new Malformed("expected ',' or '}' after the value of " + labelName);
                }
            }
        }

        private String labelValue() {
            int start = pos;
            StringBuilder unescaped = null;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == '"') {
                    String value =
                            unescaped == null
                                    ? line.substring(start, pos)
                                    : unescaped.append(line, start, pos).toString();
                    pos++;
                    return value;
                }
                if (c == '\\') {
                    if (unescaped == null) {
                        unescaped = new StringBuilder();
                    }
                    unescaped.append(line, start, pos);
                    if (++pos >= line.length()) {
                        break;
                    }
                    char e = line.charAt(pos);
                    unescaped.append(
                            switch (e) {
                                case '\\' -> '\\';
                                case '"' -> '"';
                                case 'n' -> '\n';
                                default ->
                                        throw new Malformed(
                                                "invalid escape \\" + e + " in a label value");
                            });
                    start = ++pos;
                    continue;
                }
                pos++;
            }
            throw new Malformed("unterminated label value");
        }

        private String metricName() {
            int start = pos;
            if (pos >= line.length() || !isNameStart(line.charAt(pos))) {
                throw new Malformed("invalid metric name");
            }
            pos++;
            while (pos < line.length() && isNamePart(line.charAt(pos))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        private String labelName() {
            int start = pos;
            char first = line.charAt(pos);
            if (first == ':' || !isNameStart(first)) {
                throw new Malformed("invalid label name");
            }
            pos++;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == ':' || !isNamePart(c)) {
                    break;
                }
                pos++;
            }
            return line.substring(start, pos);
        }

        private String token() {
            int start = pos;
            while (pos < line.length() && !isBlank(line.charAt(pos))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        private void requireBlank(String reason) {
            if (pos >= line.length() || !isBlank(line.charAt(pos))) {
                throw new Malformed(reason);
            }
            skipBlanks();
        }

        private boolean accept(char c) {
            if (pos >= line.length() || line.charAt(pos) != c) {
                return false;
            }
            pos++;
            return true;
        }

        private void skipBlanks() {
            while (pos < line.length() && isBlank(line.charAt(pos))) {
                pos++;
            }
        }
    }

    private static double parseValue(String token, String what) {
        if (!TextFormatNumbers.isFloat(token)) {
            throw new Malformed(what + " '" + token + "' is not a number");
        }
        return TextFormatNumbers.toDouble(token);
    }

    private static Long parseTimestamp(String token) {
        if (!TextFormatNumbers.isInteger(token)) {
            throw new Malformed("timestamp '" + token + "' is not an integer");
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new Malformed("timestamp '" + token + "' is out of range");
        }
    }

    private static String baseName(String name) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
