package vn.healthid.sandbox.stack;

/** A journey step that did not do what it should: reported, never a stack trace. */
final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
        super(message);
    }
}
