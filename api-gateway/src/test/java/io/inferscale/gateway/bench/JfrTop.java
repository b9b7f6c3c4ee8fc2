package io.inferscale.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU goes, from a JFR recording's {@code jdk.ExecutionSample} events: the
 * hottest methods (self), the share of samples by library (self: the first frame outside the JDK;
 * inclusive: anywhere on the stack) and the hottest InferScale methods (inclusive). For
 * bin/inferscale bench-gateway --profile.
 *
 * <pre>JfrTop FILE.jfr [TOP]</pre>
 */
public final class JfrTop {

    /** Library by package prefix, first match wins. */
    static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("io.inferscale.", "InferScale");
        LIBRARIES.put("org.springframework.security.", "Spring Security");
        LIBRARIES.put("org.springframework.cloud.gateway.", "Spring Cloud Gateway");
        LIBRARIES.put("org.springframework.cloud.", "Spring Cloud (other)");
        LIBRARIES.put("org.springframework.web.", "Spring WebFlux/Web");
        LIBRARIES.put("org.springframework.http.", "Spring WebFlux/Web");
        LIBRARIES.put("org.springframework.boot.", "Spring Boot");
        LIBRARIES.put("org.springframework.", "Spring (other)");
        LIBRARIES.put("io.micrometer.", "Micrometer");
        LIBRARIES.put("reactor.netty.", "Reactor Netty");
        LIBRARIES.put("reactor.", "Reactor core");
        LIBRARIES.put("io.netty.", "Netty");
        LIBRARIES.put("tools.jackson.", "Jackson");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson");
        LIBRARIES.put("org.apache.kafka.", "Kafka client");
        LIBRARIES.put("com.github.benmanes.caffeine.", "Caffeine");
        LIBRARIES.put("ch.qos.logback.", "Logging");
        LIBRARIES.put("org.slf4j.", "Logging");
        LIBRARIES.put("org.apache.logging.", "Logging");
    }

    private JfrTop() {}

    static String library(String className) {
        for (Map.Entry<String, String> e : LIBRARIES.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return className.startsWith("java.")
                        || className.startsWith("jdk.")
                        || className.startsWith("sun.")
                ? "JDK"
                : "other";
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfLibrary = new HashMap<>();
        Map<String, Integer> inclusiveLibrary = new HashMap<>();
        Map<String, Integer> inclusiveOurs = new HashMap<>();
        int samples = 0;
        double gcPauseMs = 0;
        int gcs = 0;
        double compileMs = 0;
        double jvmUser = 0;
        double jvmSystem = 0;
        double machine = 0;
        int cpuLoads = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            switch (e.getEventType().getName()) {
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.Compilation" -> compileMs += e.getDuration().toNanos() / 1e6;
                case "jdk.CPULoad" -> {
                    cpuLoads++;
                    jvmUser += e.getFloat("jvmUser");
                    jvmSystem += e.getFloat("jvmSystem");
                    machine += e.getFloat("machineTotal");
                }
                default -> {}
            }
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            String owner = "JDK";
            for (RecordedFrame f : frames) {
                String lib = library(f.getMethod().getType().getName());
                if (!lib.equals("JDK")) {
                    owner = lib;
                    break;
                }
            }
            selfLibrary.merge(owner, 1, Integer::sum);
            Set<String> libs = new LinkedHashSet<>();
            Set<String> ours = new LinkedHashSet<>();
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                libs.add(library(type));
                if (type.startsWith("io.inferscale.")) {
                    ours.add(name(f));
                }
            }
            libs.forEach(l -> inclusiveLibrary.merge(l, 1, Integer::sum));
            ours.forEach(m -> inclusiveOurs.merge(m, 1, Integer::sum));
        }
        System.out.printf("%d execution samples in %s%n", samples, file.getFileName());
        System.out.printf(
                "%d GCs, %.0f ms paused; JIT compilations %.0f ms; CPU (share of all cores):"
                        + " JVM user %.0f%%, JVM system %.0f%%, machine %.0f%%%n",
                gcs,
                gcPauseMs,
                compileMs,
                100 * jvmUser / Math.max(1, cpuLoads),
                100 * jvmSystem / Math.max(1, cpuLoads),
                100 * machine / Math.max(1, cpuLoads));
        print("hottest methods (self)", self, samples, top);
        print("by library, self (first frame outside the JDK)", selfLibrary, samples, top);
        print("by library, inclusive (anywhere on the stack)", inclusiveLibrary, samples, top);
        print("InferScale methods, inclusive", inclusiveOurs, samples, top);
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(
                        e ->
                                System.out.printf(
                                        "  %5.1f%%  %s%n",
                                        100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
