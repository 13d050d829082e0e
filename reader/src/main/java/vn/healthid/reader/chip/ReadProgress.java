package vn.healthid.reader.chip;

/** What the reader is doing, for a progress display. Carries file names and sizes only, never contents. */
@FunctionalInterface
public interface ReadProgress {

    enum Step {
        CONNECTING,
        ACCESS_CONTROL,
        READING,
        ACTIVE_AUTHENTICATION,
        RETRYING,
        DONE
    }

    /** {@code file} is null outside READING; {@code total} is 0 while a file's length is not known yet. */
    void on(Step step, String file, int done, int total);

    ReadProgress NONE = (step, file, done, total) -> {};
}
