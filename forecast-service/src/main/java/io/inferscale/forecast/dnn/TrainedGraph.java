package io.inferscale.forecast.dnn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A trained graph and its live session: evaluates in-graph and exports a SavedModel. */
final class TrainedGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final NBeatsGraph net;
    private final TrainingReport report;

    TrainedGraph(Graph graph, Session session, NBeatsGraph net, TrainingReport report) {
        this.graph = graph;
        this.session = session;
        this.net = net;
        this.report = report;
    }

    TrainingReport report() {
        return report;
    }

    /** The network's outputs for {@code rows} feature rows, computed in the training session. */
    float[] predict(float[] features, int rows) {
        int inputs = features.length / rows;
        try (TFloat32 x = GraphTrainer.matrix(features, rows, inputs);
                Result r = session.runner().feed(net.features, x).fetch(net.quantiles).run()) {
            TFloat32 out = (TFloat32) r.get(0);
            float[] values = new float[(int) out.size()];
            out.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    /** Mean pinball loss (scaled units) over the given examples. */
    double loss(TrainingSet data) {
        return GraphTrainer.loss(session, net, data, 0, data.rows());
    }

    /**
     * Writes a SavedModel (tag "serve") whose default signature maps {@code features} [n, inputs]
     * to {@code quantiles} [n, levels x horizon].
     */
    void export(Path dir) {
        Signature signature =
                Signature.builder()
                        .key(Signature.DEFAULT_KEY)
                        .input(NBeatsGraph.INPUT, net.features)
                        .output(NBeatsGraph.OUTPUT, net.quantiles)
                        .build();
        try {
            SavedModelBundle.exporter(dir.toString())
                    .withSession(session)
                    .withSignature(signature)
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the SavedModel to " + dir, e);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
