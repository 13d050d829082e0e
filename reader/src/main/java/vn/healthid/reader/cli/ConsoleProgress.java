package vn.healthid.reader.cli;

import java.io.PrintStream;
import vn.healthid.reader.chip.ReadProgress;

/** One line per step and per file on stderr: file names and sizes only, never contents. */
final class ConsoleProgress implements ReadProgress {

    private final PrintStream err;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void on(Step step, String file, int done, int total) {
        switch (step) {
            case CONNECTING -> err.println("… kết nối thẻ / connecting to the card");
            case ACCESS_CONTROL -> err.println("… mở chip / access control");
            case READING -> {
                if (total > 0 && done == total) {
                    err.println("  " + file + " " + total + " B");
                }
            }
            case ACTIVE_AUTHENTICATION -> err.println("… xác thực chủ động / active authentication");
            case RETRYING -> err.println("… thử lại / retrying (" + done + "/" + total + ")");
            case DONE -> err.println("✓ đã đọc xong / read complete");
        }
    }
}
