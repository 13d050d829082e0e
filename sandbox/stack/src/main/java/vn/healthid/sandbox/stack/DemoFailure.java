package vn.healthid.sandbox.stack;

/** A journey step that did not do what it should: reported, never a stack trace. */
public final class DemoFailure extends RuntimeException {
    public DemoFailure(String message) {
        super(message);
    }
}
