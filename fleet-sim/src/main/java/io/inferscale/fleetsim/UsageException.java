package io.inferscale.fleetsim;

/** A bad command line, naming the flag at fault; the CLI prints it on one line and exits with 2. */
final class UsageException extends RuntimeException {

    UsageException(String flag, String message) {
        super(flag + ": " + message);
    }
}
