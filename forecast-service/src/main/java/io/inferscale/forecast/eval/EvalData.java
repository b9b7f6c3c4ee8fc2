package io.inferscale.forecast.eval;

import io.inferscale.core.forecast.CalendarDays;
import io.inferscale.core.forecast.DemandSeries;
import io.inferscale.core.trace.PerMinuteSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * The training and test series the command line names, read and cut by days.
 *
 * @param offset the training file's local UTC offset, for printing times as the file writes them
 */
record EvalData(DemandSeries train, DemandSeries test, ZoneOffset offset) {

    /**
     * @throws EvalUsageException if the days are outside the files or the test data does not come
     *     after the training data
     * @throws io.inferscale.core.trace.TraceFormatException for a malformed file
     */
    static EvalData load(EvalArgs args) {
        PerMinuteSeries trainFile = PerMinuteSeries.read(args.train(), args.scale());
        PerMinuteSeries testFile =
                args.test() == null || sameFile(args.train(), args.test())
                        ? trainFile
                        : PerMinuteSeries.read(args.test(), args.scale());
        DemandSeries train = select(trainFile, args.trainDays(), "--train-days");
        DemandSeries test = select(testFile, args.testDays(), "--test-days");
        if (test.start().isBefore(train.end())) {
            throw new EvalUsageException(
                    args.testDays() != null ? "--test-days" : "--test",
                    "the test data starts at "
                            + test.start().atOffset(trainFile.localOffset())
                            + ", before the training data ends at "
                            + train.end().atOffset(trainFile.localOffset()));
        }
        return new EvalData(train, test, trainFile.localOffset());
    }

    private static DemandSeries select(PerMinuteSeries file, DayRange days, String flag) {
        if (days == null) {
            return CalendarDays.all(file);
        }
        try {
            return CalendarDays.days(file, days.first(), days.last());
        } catch (IllegalArgumentException e) {
            throw new EvalUsageException(flag, e.getMessage());
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
