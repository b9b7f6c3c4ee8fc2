package io.inferscale.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.core.forecast.ServingChoice.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromotionRuleTest {
    private static final double NaN = Double.NaN;
    private static final PromotionRule STRICT = new PromotionRule(0, 0);

    static Stream<Arguments> cases() {
        BacktestedModel trailing = m("trailing-mean@v8", 0.45, 0.90);
        BacktestedModel holt = m("holt-winters@v9", 0.48, 0.88);
        List<BacktestedModel> baselines = List.of(holt, trailing);
        return Stream.of(
                arguments(
                        "candidate beats current and best baseline: promoted",
                        STRICT,
                        m("dnn@v3", 0.47, 0.9),
                        List.of(m("dnn@v10", 0.42, 0.9)),
                        baselines,
                        "dnn@v10",
                        Outcome.PROMOTED),
                arguments(
                        "candidate beats current but not the best baseline: baseline serves",
                        STRICT,
                        m("dnn@v3", 0.50, 0.9),
                        List.of(m("dnn@v10", 0.46, 0.9)),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "candidate beats the best baseline but not current: current kept",
                        STRICT,
                        m("dnn@v3", 0.40, 0.9),
                        List.of(m("dnn@v10", 0.43, 0.9)),
                        baselines,
                        "dnn@v3",
                        Outcome.KEPT_CURRENT),
                arguments(
                        "no candidate, current worse than the best baseline: baseline serves",
                        STRICT,
                        m("dnn@v3", 0.47, 0.9),
                        List.of(),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "no candidate, current better than every baseline: current kept",
                        STRICT,
                        m("dnn@v3", 0.44, 0.9),
                        List.of(),
                        baselines,
                        "dnn@v3",
                        Outcome.KEPT_CURRENT),
                arguments(
                        "exact tie between current and baseline: the fresher baseline serves",
                        STRICT,
                        m("trailing-mean@v2", 0.45, 0.92),
                        List.of(),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "candidate equal to the bar is not promoted",
                        STRICT,
                        null,
                        List.of(m("dnn@v10", 0.45, 0.9)),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "first round: candidate needs only beat the best baseline",
                        STRICT,
                        null,
                        List.of(m("dnn@v1", 0.44, 0.9)),
                        baselines,
                        "dnn@v1",
                        Outcome.PROMOTED),
                arguments(
                        "first round without candidates: best baseline",
                        STRICT,
                        null,
                        List.of(),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "the lowest of several winning candidates",
                        STRICT,
                        null,
                        List.of(m("a@v1", 0.40, 0.9), m("b@v2", 0.38, 0.9), m("c@v3", 0.41, 0.9)),
                        baselines,
                        "b@v2",
                        Outcome.PROMOTED),
                arguments(
                        "a winning MASE with an under-covering p90 is not promoted",
                        new PromotionRule(0, 0.8),
                        null,
                        List.of(m("dnn@v1", 0.30, 0.75)),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "a margin: 2% better is not the 5% asked for",
                        new PromotionRule(0.05, 0),
                        null,
                        List.of(m("dnn@v1", 0.441, 0.9)),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "a margin: 10% better is promoted",
                        new PromotionRule(0.05, 0),
                        null,
                        List.of(m("dnn@v1", 0.405, 0.9)),
                        baselines,
                        "dnn@v1",
                        Outcome.PROMOTED),
                arguments(
                        "an unscored candidate is never promoted",
                        STRICT,
                        m("dnn@v3", 0.5, 0.9),
                        List.of(m("dnn@v10", NaN, NaN)),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "an unscored current loses to the best baseline",
                        STRICT,
                        m("dnn@v3", NaN, NaN),
                        List.of(),
                        baselines,
                        "trailing-mean@v8",
                        Outcome.BEST_BASELINE),
                arguments(
                        "unscored baselines are skipped when picking the best",
                        STRICT,
                        null,
                        List.of(),
                        List.of(m("seasonal-naive-weekly@v1", NaN, NaN), holt),
                        "holt-winters@v9",
                        Outcome.BEST_BASELINE),
                arguments(
                        "no scored baseline: a scored current keeps serving",
                        STRICT,
                        m("dnn@v3", 0.5, 0.9),
                        List.of(m("dnn@v10", 0.6, 0.9)),
                        List.of(m("holt-winters@v9", NaN, NaN)),
                        "dnn@v3",
                        Outcome.KEPT_CURRENT),
                arguments(
                        "nothing scored: the current keeps serving",
                        STRICT,
                        m("dnn@v3", NaN, NaN),
                        List.of(m("dnn@v10", NaN, NaN)),
                        List.of(m("holt-winters@v9", NaN, NaN)),
                        "dnn@v3",
                        Outcome.NOTHING_SCORED),
                arguments(
                        "a candidate with nothing scored to beat is not promoted",
                        STRICT,
                        null,
                        List.of(m("dnn@v1", 0.3, 0.9)),
                        List.of(m("holt-winters@v1", NaN, NaN)),
                        null,
                        Outcome.NOTHING_SCORED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesWhatServes(
            String name,
            PromotionRule rule,
            BacktestedModel current,
            List<BacktestedModel> candidates,
            List<BacktestedModel> baselines,
            String wantChosen,
            Outcome wantOutcome) {
        ServingChoice choice = rule.choose(current, candidates, baselines);
        assertThat(choice.chosen()).isEqualTo(wantChosen);
        assertThat(choice.outcome()).isEqualTo(wantOutcome);
        assertThat(choice.reason()).isNotBlank();
    }

    @Test
    void theReasonNamesTheComparison() {
        ServingChoice choice =
                STRICT.choose(
                        m("dnn@v3", 0.47, 0.9),
                        List.of(m("dnn@v10", 0.46, 0.9)),
                        List.of(m("trailing-mean@v8", 0.45, 0.9)));
        assertThat(choice.reason())
                .contains("dnn@v10 (MASE 0.460) does not beat 0.450")
                .contains("best baseline trailing-mean@v8 (MASE 0.450) serves")
                .contains("current dnn@v3 (MASE 0.470)");
    }

    @Test
    void rejectsSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> new PromotionRule(-0.1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromotionRule(0, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BacktestedModel m(String id, double mase, double coverage) {
        return new BacktestedModel(id, mase, coverage);
    }
}
