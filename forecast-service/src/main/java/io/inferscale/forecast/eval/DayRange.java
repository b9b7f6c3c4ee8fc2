package io.inferscale.forecast.eval;

/**
 * Calendar days {@code first} to {@code last} of the month, inclusive, written {@code 1-21} or
 * {@code 22}.
 */
record DayRange(int first, int last) {

    DayRange {
        if (first < 1 || last > 31 || first > last) {
            throw new IllegalArgumentException(
                    "expected days FIRST-LAST with 1 <= FIRST <= LAST <= 31, was "
                            + first
                            + "-"
                            + last);
        }
    }

    static DayRange parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "expected FIRST-LAST, e.g. 1-21, was \"" + text + "\"");
        }
        try {
            int first = Integer.parseInt(parts[0].trim());
            int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
            return new DayRange(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected FIRST-LAST, e.g. 1-21, was \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
