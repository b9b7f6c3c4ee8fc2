package io.inferscale.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry: {@code java -jar inference-sim-exec.jar --port 0 --model m --replica-id r1}.
 */
public final class InferenceSimMain {

    private InferenceSimMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(CliArgs.USAGE);
            return;
        }
        InferenceSimConfig config;
        try {
            config = CliArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("inference-sim: " + e.getMessage());
            System.err.print(CliArgs.USAGE);
            System.exit(2);
            return;
        }
        InferenceSim sim = InferenceSim.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sim.close();
                                    stopped.countDown();
                                }));
        // Scripts and tests wait for this exact line to learn the port.
        System.out.println("inference-sim listening on port " + sim.port());
        System.out.flush();
        stopped.await();
    }
}
