package io.inferscale.collector.domain.scrape;

import java.util.ArrayList;
import java.util.List;

/**
 * Which series of a family describe the target's model. A Triton or TorchServe server may host
 * several models; when some series carry a model label equal to the model InferScale scrapes the
 * replica for, only those count. Otherwise (a single-model server, or a served name that differs
 * from InferScale's model name) every series counts, summed or averaged by the adapter.
 *
 * @param model InferScale's model name for the target; null selects every series
 */
public record SeriesSelector(String model) {
    /**
     * vLLM and TorchServe's {@code ts_*} use model_name, Triton model, TorchServe's others
     * ModelName.
     */
    static final List<String> MODEL_LABELS = List.of("model_name", "model", "ModelName");

    public static final SeriesSelector ALL = new SeriesSelector(null);

    public List<Sample> select(List<Sample> samples) {
        if (model == null || samples.isEmpty()) {
            return samples;
        }
        List<Sample> matching = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            for (String label : MODEL_LABELS) {
                if (model.equals(s.label(label))) {
                    matching.add(s);
                    break;
                }
            }
        }
        return matching.isEmpty() ? samples : matching;
    }
}
