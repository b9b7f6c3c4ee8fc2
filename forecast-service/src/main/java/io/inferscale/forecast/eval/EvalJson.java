package io.inferscale.forecast.eval;

import io.inferscale.core.forecast.RollingOriginEvaluation;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} document, as issue 6 specifies it: {@code {"horizon_minutes", "models":
 * [{"name", "mase", "smape", "pinball_p90", "p90_coverage"}], "train_seconds"}}. sMAPE is in
 * percent; an undefined measure (no scored target, a zero MASE scale) is null.
 */
final class EvalJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvalJson() {}

    static ObjectNode toJson(RollingOriginEvaluation.Report report, int horizonMinutes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("horizon_minutes", horizonMinutes);
        var models = root.putArray("models");
        for (RollingOriginEvaluation.Score s : report.scores()) {
            ObjectNode model = models.addObject();
            model.put("name", s.name());
            number(model, "mase", s.mase(), 6);
            number(model, "smape", s.smape(), 6);
            number(model, "pinball_p90", s.pinballP90(), 6);
            number(model, "p90_coverage", s.p90Coverage(), 6);
        }
        number(root, "train_seconds", report.fitSeconds(), 3);
        return root;
    }

    static void write(RollingOriginEvaluation.Report report, int horizonMinutes, Path file) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file, toJson(report, horizonMinutes));
    }

    private static void number(ObjectNode node, String field, double v, int decimals) {
        if (Double.isFinite(v)) {
            double f = Math.pow(10, decimals);
            node.put(field, Math.round(v * f) / f);
        } else {
            node.putNull(field);
        }
    }
}
