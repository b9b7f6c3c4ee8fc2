package io.inferscale.forecast.dnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The native engine loads offline from the unpacked Maven Central jar, with the cache directory set
 * explicitly (the build sets TENSORFLOW_LIBRARY_PATH, DJL_OFFLINE and DJL_CACHE_DIR for tests):
 * what CI on a fresh machine relies on.
 */
class TensorFlowRuntimeTest {

    @Test
    void theEngineLoadsOfflineFromTheUnpackedLibrary() {
        String cacheDir = System.getenv("DJL_CACHE_DIR");
        assertThat(cacheDir).as("the build sets DJL_CACHE_DIR explicitly").isNotBlank();
        assertThat(System.getenv(TensorFlowRuntime.LIBRARY_PATH)).isNotBlank();
        assertThat(
                        Paths.get(System.getenv(TensorFlowRuntime.LIBRARY_PATH))
                                .resolve("libjnitensorflow.so"))
                .exists();

        Engine engine = TensorFlowRuntime.load();

        assertThat(Utils.isOfflineMode()).isTrue();
        assertThat(engine.getEngineName()).isEqualTo("TensorFlow");
        assertThat(TensorFlowRuntime.cacheDir()).isEqualTo(Paths.get(cacheDir));
        try (NDManager manager = NDManager.newBaseManager("TensorFlow")) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).add(1f);
            assertThat(sum.toFloatArray()).containsExactly(2, 3, 4);
        }
        Path downloaded = Paths.get(cacheDir).resolve("tensorflow");
        assertThat(Files.exists(downloaded)).as("nothing downloaded into the DJL cache").isFalse();
    }
}
