package vn.qualityledger.bench;

/** The harness or a service did not work (never a slow figure): the run fails with a non-zero exit. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
