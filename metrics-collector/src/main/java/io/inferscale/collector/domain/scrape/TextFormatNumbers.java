package io.inferscale.collector.domain.scrape;

/**
 * Numbers as the text format writes them: floats as Go's {@code strconv.ParseFloat} reads them in
 * base 10 (which is what Prometheus uses), so Java-only spellings such as {@code 1d}, {@code 0x1p3}
 * or a bare {@code Infinity} with odd case are not silently accepted.
 */
final class TextFormatNumbers {
    private TextFormatNumbers() {}

    /** {@code token} as a sample value, or null when it is not one. */
    static Double tryParse(String token) {
        return token != null && isFloat(token) ? toDouble(token) : null;
    }

    static boolean isFloat(String s) {
        return isDecimal(s) || special(s) != 0;
    }

    /** Only for a token {@link #isFloat} accepted. */
    static double toDouble(String s) {
        return switch (special(s)) {
            case 1 -> Double.POSITIVE_INFINITY;
            case -1 -> Double.NEGATIVE_INFINITY;
            case 2 -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    static boolean isInteger(String s) {
        int i = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 1 for +Inf, -1 for -Inf, 2 for NaN (any case, optional sign, as Go), 0 for neither. */
    private static int special(String s) {
        if (s.isEmpty() || isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.') {
            return 0; // the common case, decided without looking further
        }
        int sign = s.charAt(0) == '-' ? -1 : 1;
        String word = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return sign;
        }
        return word.equalsIgnoreCase("nan") ? 2 : 0;
    }

    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
