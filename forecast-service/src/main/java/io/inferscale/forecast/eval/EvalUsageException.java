package io.inferscale.forecast.eval;

/** A bad command line, naming the flag at fault; the CLI prints it on one line and exits with 2. */
final class EvalUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvalUsageException(String flag, String message) {
        super(flag + ": " + message);
    }
}
