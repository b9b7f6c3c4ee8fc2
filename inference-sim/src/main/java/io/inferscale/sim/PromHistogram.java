package io.inferscale.sim;

/**
 * A Prometheus histogram with fixed upper bounds, written in text format 0.0.4. Confined to one
 * thread.
 */
final class PromHistogram {

    private final String name;
    private final String help;
    private final double[] bounds;
    private final long[] counts; // per bucket, not cumulative; the last is +Inf
    private double sum;

    PromHistogram(String name, String help, double... bounds) {
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length + 1];
    }

    void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts[i]++;
        sum += value;
    }

    long count() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** {@code labels} like {@code model_name="m"}; {@code le} goes first, as in vLLM's output. */
    void writeTo(StringBuilder out, String labels) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += counts[i];
            String le = i < bounds.length ? Double.toString(bounds[i]) : "+Inf";
            out.append(name)
                    .append("_bucket{le=\"")
                    .append(le)
                    .append("\",")
                    .append(labels)
                    .append("} ");
            out.append((double) cumulative).append('\n');
        }
        out.append(name)
                .append("_count{")
                .append(labels)
                .append("} ")
                .append((double) cumulative)
                .append('\n');
        out.append(name).append("_sum{").append(labels).append("} ").append(sum).append('\n');
    }
}
