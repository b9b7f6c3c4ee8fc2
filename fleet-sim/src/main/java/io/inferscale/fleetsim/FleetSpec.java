package io.inferscale.fleetsim;

import java.util.ArrayList;
import java.util.List;

/**
 * The initial fleet, as {@code --fleet} writes it: comma-separated groups {@code COUNTxSPEED}, e.g.
 * {@code 4x1.0,4x0.5} for four full-speed replicas and four at half speed; a bare {@code COUNT}
 * means speed 1.0.
 */
final class FleetSpec {

    private FleetSpec() {}

    /**
     * @return one speed factor per replica, in the order given
     * @throws IllegalArgumentException describing what is wrong
     */
    static List<Double> parse(String spec) {
        List<Double> speeds = new ArrayList<>();
        for (String group : spec.split(",", -1)) {
            String g = group.trim();
            int x = g.indexOf('x');
            String countText = x < 0 ? g : g.substring(0, x);
            String speedText = x < 0 ? "1.0" : g.substring(x + 1);
            int count;
            double speed;
            try {
                count = Integer.parseInt(countText);
                speed = Double.parseDouble(speedText);
            } catch (NumberFormatException e) {
                throw invalid(spec, g);
            }
            if (count < 0 || !(speed > 0) || Double.isInfinite(speed)) {
                throw invalid(spec, g);
            }
            if (speeds.size() + (long) count > 100_000) {
                throw new IllegalArgumentException("more than 100000 replicas in \"" + spec + "\"");
            }
            for (int i = 0; i < count; i++) {
                speeds.add(speed);
            }
        }
        return speeds;
    }

    private static IllegalArgumentException invalid(String spec, String group) {
        return new IllegalArgumentException(
                "\""
                        + group
                        + "\" in \""
                        + spec
                        + "\" is not COUNTxSPEED (e.g. 4x1.0,4x0.5; count >= 0, speed > 0)");
    }
}
