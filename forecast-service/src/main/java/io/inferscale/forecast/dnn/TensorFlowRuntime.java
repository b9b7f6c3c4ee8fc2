package io.inferscale.forecast.dnn;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.tensorflow.proto.ConfigProto;

/**
 * Loads the TensorFlow native engine through DJL, offline.
 *
 * <p>The native library is not a classpath dependency: the build unpacks {@code
 * org.tensorflow:tensorflow-core-native:1.0.0:linux-x86_64} from Maven Central into {@code
 * forecast-service/target/tf-native}, and {@code TENSORFLOW_LIBRARY_PATH} (environment variable or
 * system property) points DJL at it. DJL then tells JavaCPP to preload the library from there,
 * which is also what the TF Java graph API used for training relies on: so the engine must be
 * loaded (this class) before any graph is built. With {@code DJL_OFFLINE=true} DJL never downloads
 * anything; a missing library fails fast with the variable's name in the message.
 */
public final class TensorFlowRuntime {
    public static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";
    private static volatile Engine engine;

    private TensorFlowRuntime() {}

    /** Loads the engine once; later calls are free. */
    public static synchronized Engine load() {
        if (engine != null) {
            return engine;
        }
        // DJL reads the DJL_OFFLINE variable, else this property: never download at run time.
        if (System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String libraryPath = setting(LIBRARY_PATH);
        if (libraryPath == null || libraryPath.isBlank()) {
            throw new IllegalStateException(
                    LIBRARY_PATH
                            + " is not set: point it at the unpacked tensorflow-core-native"
                            + " libraries (forecast-service/target/tf-native after mvn package)");
        }
        if (!containsLibrary(libraryPath)) {
            throw new IllegalStateException(
                    LIBRARY_PATH
                            + "="
                            + libraryPath
                            + " holds no "
                            + System.mapLibraryName("jnitensorflow")
                            + " (run mvn package in forecast-service to unpack it)");
        }
        // JavaCPP would otherwise create ~/.javacpp; keep its (unused) cache beside DJL's.
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty(
                    "org.bytedeco.javacpp.cachedir", cacheDir().resolve("javacpp").toString());
        }
        engine = Engine.getEngine("TensorFlow");
        return engine;
    }

    /** DJL's cache directory: {@code DJL_CACHE_DIR}, else DJL's default. */
    public static Path cacheDir() {
        return ai.djl.util.Utils.getCacheDir();
    }

    /** One intra-op and one inter-op thread: deterministic, and the box has two shared cores. */
    static ConfigProto sessionConfig() {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build();
    }

    private static boolean containsLibrary(String path) {
        String lib = System.mapLibraryName("jnitensorflow");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isRegularFile(Paths.get(dir).resolve(lib))) {
                return true;
            }
        }
        return false;
    }

    /** Environment first, then system property: the order DJL itself uses. */
    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }
}
