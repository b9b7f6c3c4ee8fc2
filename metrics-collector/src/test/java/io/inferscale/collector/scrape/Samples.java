package io.inferscale.collector.scrape;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real /metrics captures in {@code shared/samples/metrics} (see its README for sources and
 * licences). Read in place, never copied into the repository; {@code INFERSCALE_SAMPLES_DIR} points
 * elsewhere. Tests that need them are skipped, saying why, when they are absent.
 */
final class Samples {
    static final String VLLM_V0 = "vllm/vllm_v0.4_opt-125m_datadog.txt";
    static final String TRITON_GPU = "triton/triton_datadog_densenet_gpu.txt";
    static final String TRITON_CPU_IDLE = "triton/triton_ibmz_cpu_no_traffic.txt";
    static final String TGI = "tgi/tgi_datadog_payload.txt";
    static final String TORCHSERVE_RESNET = "torchserve/torchserve_metrics_api_resnet18.txt";
    static final String TORCHSERVE_MNIST =
            "torchserve/torchserve_custom_metrics_mnist_histogram.txt";

    private Samples() {}

    static Path dir() {
        String env = System.getenv("INFERSCALE_SAMPLES_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // shared/ sits beside the repository root; Maven runs tests in the module directory, an
        // IDE may run them in the root.
        Path fromModule = Path.of("..", "..", "shared", "samples", "metrics");
        Path fromRoot = Path.of("..", "shared", "samples", "metrics");
        Path dir = Files.isDirectory(fromModule) ? fromModule : fromRoot;
        return dir.toAbsolutePath().normalize();
    }

    /** The sample's exact text; skips the calling test when the samples are not available. */
    static String read(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                "real exposition sample "
                        + file
                        + " is absent: set INFERSCALE_SAMPLES_DIR to shared/samples/metrics");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
