package io.inferscale.fleetsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The runs as an aligned text table, one row per lb x autoscaler combination. */
final class ResultTable {

    private static final String[] HEADER = {
        "lb",
        "autoscaler",
        "requests",
        "completed",
        "dropped",
        "lat_mean",
        "lat_p50",
        "lat_p90",
        "lat_p99",
        "ttft_p50",
        "ttft_p90",
        "ttft_p99",
        "slo",
        "replica_s",
        "lb_eff",
        "cv",
        "prefix_hit",
        "scale_acts"
    };

    private ResultTable() {}

    static String render(List<RunResult> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RunResult r : runs) {
            rows.add(
                    new String[] {
                        r.lb(),
                        r.autoscaler(),
                        Long.toString(r.requests()),
                        Long.toString(r.completed()),
                        Long.toString(r.dropped()),
                        ms(r.latencyMs().mean()),
                        ms(r.latencyMs().p50()),
                        ms(r.latencyMs().p90()),
                        ms(r.latencyMs().p99()),
                        ms(r.ttftMs().p50()),
                        ms(r.ttftMs().p90()),
                        ms(r.ttftMs().p99()),
                        fmt("%.4f", r.sloAttainment()),
                        fmt("%.0f", r.replicaSeconds()),
                        fmt("%.3f", r.lbEfficiency()),
                        fmt("%.3f", r.imbalanceCv()),
                        fmt("%.3f", r.prefixHitRate()),
                        Long.toString(r.scaleActions())
                    });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                boolean text = c < 2;
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                out.append(text ? cell + pad : pad + cell);
                out.append(c == row.length - 1 ? "" : "  ");
            }
            out.append('\n');
        }
        out.append("latencies in ms; slo = share of requests meeting every SLO given");
        out.append(" (dropped ones miss)\n");
        return out.toString();
    }

    private static String ms(double v) {
        return fmt(v < 100 ? "%.2f" : "%.0f", v);
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
