package vn.healthid.sandbox.cards;

/** A command-line mistake the user can fix: reported in one line with the usage, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
