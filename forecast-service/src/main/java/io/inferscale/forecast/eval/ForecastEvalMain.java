package io.inferscale.forecast.eval;

import io.inferscale.core.forecast.DemandForecaster;
import io.inferscale.core.forecast.RollingOriginEvaluation;
import io.inferscale.core.trace.TraceFormatException;
import io.inferscale.forecast.dnn.DnnForecaster;
import io.inferscale.forecast.domain.ForecasterRegistry;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The forecast evaluation CLI ({@code bin/inferscale forecast-eval ...}): the service's forecasters
 * ({@link ForecasterRegistry#standard()}) through the rolling-origin backtest ({@link
 * RollingOriginEvaluation}), without starting Spring. It runs from the service's exec jar:
 *
 * <pre>
 * java -cp forecast-service-*-exec.jar -Dloader.main=io.inferscale.forecast.eval.ForecastEvalMain \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --train ... --test ...
 * </pre>
 *
 * Exit codes: 0 done, 1 the data could not be read or a forecaster failed, 2 bad arguments.
 */
public final class ForecastEvalMain {

    private ForecastEvalMain() {}

    public static void main(String[] argv) {
        // The baselines plus the DNN (TensorFlow through DJL; needs TENSORFLOW_LIBRARY_PATH, set by
        // bin/inferscale).
        System.exit(
                run(
                        argv,
                        System.out,
                        System.err,
                        ForecasterRegistry.standard()
                                .register("dnn", DnnForecaster::withDefaults)));
    }

    static int run(String[] argv, PrintStream out, PrintStream err, ForecasterRegistry registry) {
        if (EvalArgs.wantsHelp(argv)) {
            out.print(EvalArgs.usage(registry.names()));
            return 0;
        }
        EvalArgs args;
        EvalData data;
        try {
            args = EvalArgs.parse(argv, registry.names());
            data = EvalData.load(args);
        } catch (EvalUsageException e) {
            err.println("forecast-eval: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (TraceFormatException | UncheckedIOException e) {
            err.println("forecast-eval: " + e.getMessage());
            return 1;
        }
        RollingOriginEvaluation.Report report;
        try {
            List<DemandForecaster> forecasters = registry.create(args.models());
            report =
                    new RollingOriginEvaluation(
                                    args.horizonMinutes(), RollingOriginEvaluation.HOURLY)
                            .run(data.train(), data.test(), forecasters);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("forecast-eval: " + e.getMessage());
            return 1;
        }
        if (report.origins() == report.missingTargets()) {
            err.println(
                    "forecast-eval: no target to score: the test series needs an observed minute "
                            + args.horizonMinutes()
                            + " min after an hourly origin");
            return 1;
        }
        out.print(EvalTable.render(data, report));
        if (args.json() != null) {
            try {
                EvalJson.write(report, args.horizonMinutes(), args.json());
            } catch (tools.jackson.core.JacksonException e) {
                err.println(
                        "forecast-eval: --json: cannot write "
                                + args.json()
                                + ": "
                                + e.getMessage());
                return 1;
            }
            out.println("wrote " + args.json());
        }
        return 0;
    }
}
