package io.inferscale.scaler.adapter.local;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local {@code inference-sim} replica processes, one group per target.
 *
 * @param jar the inference-sim exec jar (relative paths are from the working directory, the
 *     repository root in the local stack)
 * @param javaCommand the {@code java} to run it with; empty for the scaler's own JVM
 * @param javaOpts JVM flags of each replica
 * @param host the address replicas bind to and are published under
 * @param startTimeout how long a replica may take to answer {@code /health}
 * @param stopTimeout how long a replica may take to exit after SIGTERM before it is killed
 * @param logDir where each replica's output goes; empty for a directory under java.io.tmpdir
 * @param maxReplicasPerGroup a guard against a runaway decision forking the machine to death
 * @param groups per-group options; a group not listed runs {@code --mode llm}
 */
public record LocalProperties(
        @DefaultValue("inference-sim/target/inference-sim-0.1.0-SNAPSHOT-exec.jar") @NotNull
                Path jar,
        String javaCommand,
        @DefaultValue({"-Xmx192m", "-XX:+UseSerialGC"}) List<String> javaOpts,
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("60s") @NotNull Duration startTimeout,
        @DefaultValue("10s") @NotNull Duration stopTimeout,
        Path logDir,
        @DefaultValue("16") @Min(1) @Max(256) int maxReplicasPerGroup,
        Map<String, @Valid Group> groups) {

    public LocalProperties {
        javaOpts = javaOpts == null ? List.of() : List.copyOf(javaOpts);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /**
     * @param mode {@code llm} or {@code simple}
     * @param args more inference-sim options, e.g. {@code [--speed, "0.5"]}
     */
    public record Group(
            @DefaultValue("llm") @Pattern(regexp = "llm|simple") String mode, List<String> args) {
        public Group {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    public Group group(String name) {
        return groups.getOrDefault(name, new Group("llm", List.of()));
    }
}
