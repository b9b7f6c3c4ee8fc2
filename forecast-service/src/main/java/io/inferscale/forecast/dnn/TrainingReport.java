package io.inferscale.forecast.dnn;

import java.time.Duration;

/**
 * What one training run did, for logs, the API and the benchmark note.
 *
 * @param epochs epochs run
 * @param bestEpoch the epoch whose weights were kept (lowest validation loss)
 * @param bestValidationLoss its mean pinball loss on the held-out origins, in scaled units
 * @param wallTime graph construction and training, export excluded
 * @param rows training examples (origins) cut from the series
 */
public record TrainingReport(
        int epochs, int bestEpoch, double bestValidationLoss, Duration wallTime, int rows) {}
