package io.inferscale.fleetsim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Splits {@code --flag value} and {@code --flag=value} pairs, rejecting unknown and repeated flags.
 */
final class ArgMap {

    private ArgMap() {}

    static Map<String, String> parse(String[] argv, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            if (!flags.contains(flag)) {
                throw new UsageException(
                        flag, flag.startsWith("--") ? "unknown option" : "unexpected argument");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                value = argv[++i];
            } else {
                throw new UsageException(flag, "needs a value");
            }
            if (values.put(flag, value) != null) {
                throw new UsageException(flag, "given twice");
            }
        }
        return values;
    }
}
