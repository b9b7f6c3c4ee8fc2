package io.inferscale.forecast.eval;

import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.forecast.RollingOriginEvaluation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation as text: what was compared, then one aligned row per forecaster. */
final class EvalTable {

    private static final String[] HEADER = {
        "model", "mase", "smape_%", "pinball_p90", "p90_cov", "scored", "fit_s", "forecast_ms"
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EvalTable() {}

    static String render(EvalData data, RollingOriginEvaluation.Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("train ").append(span(data.train(), data.offset()));
        sb.append("\ntest  ").append(span(data.test(), data.offset()));
        sb.append(
                fmt(
                        "\nhorizon %d min, %d hourly origins (%d skipped: target missing), MASE scale"
                                + " %.3f (daily seasonal-naive in-sample MAE of train)%n%n",
                        report.horizonSteps(),
                        report.origins(),
                        report.missingTargets(),
                        report.maseScale()));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RollingOriginEvaluation.Score s : report.scores()) {
            rows.add(
                    new String[] {
                        s.name(),
                        fmt("%.3f", s.mase()),
                        fmt("%.2f", s.smape()),
                        fmt("%.3f", s.pinballP90()),
                        fmt("%.3f", s.p90Coverage()),
                        Integer.toString(s.scored()),
                        fmt("%.2f", s.fitSeconds()),
                        fmt("%.3f", s.forecastMillis())
                    });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                String cell =
                        c == 0
                                ? String.format("%-" + widths[c] + "s", row[c])
                                : String.format("%" + widths[c] + "s", row[c]);
                sb.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append('\n');
        }
        sb.append(fmt("train_seconds %.3f (all fits)%n", report.fitSeconds()));
        return sb.toString();
    }

    private static String span(DemandSeries s, ZoneOffset offset) {
        return fmt(
                "%s .. %s (UTC%s, %,d min)",
                time(s.start(), offset), time(s.end(), offset), offset, s.size());
    }

    private static String time(Instant t, ZoneOffset offset) {
        return TIME.format(t.atOffset(offset));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
