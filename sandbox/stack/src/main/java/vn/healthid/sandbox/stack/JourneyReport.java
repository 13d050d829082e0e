package vn.healthid.sandbox.stack;

import java.util.ArrayList;
import java.util.List;

/** What one journey did, step by step, and how it ended. */
final class JourneyReport {

    enum Status {
        PASSED,
        FAILED,
        NOT_BUILT
    }

    private final String name;
    private final List<String> steps = new ArrayList<>();
    private Status status = Status.PASSED;

    JourneyReport(String name) {
        this.name = name;
    }

    void step(String text) {
        steps.add(text);
    }

    void fail(String reason) {
        status = Status.FAILED;
        steps.add("FAILED: " + reason);
    }

    void notBuilt(String what) {
        status = Status.NOT_BUILT;
        steps.add("not built yet: " + what);
    }

    Status status() {
        return status;
    }

    String render() {
        StringBuilder out = new StringBuilder("== ")
                .append(name)
                .append(": ")
                .append(status)
                .append('\n');
        steps.forEach(s -> out.append("   ").append(s).append('\n'));
        return out.toString();
    }
}
