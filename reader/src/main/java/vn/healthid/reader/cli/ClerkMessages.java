package vn.healthid.reader.cli;

import java.io.PrintStream;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;

/** How an error reaches the clerk: the stable code, then the words in Vietnamese and/or English. */
final class ClerkMessages {

    enum Language {
        VI,
        EN,
        BOTH
    }

    private final PrintStream err;
    private final Language language;

    ClerkMessages(PrintStream err, Language language) {
        this.err = err;
        this.language = language;
    }

    void print(ReaderException e) {
        ReaderError error = e.error();
        String detail = e.detail() == null ? "" : " (" + e.detail() + ")";
        err.println("cccd-reader: " + error.name());
        if (language != Language.EN) {
            err.println("  " + error.vietnamese() + detail);
        }
        if (language != Language.VI) {
            err.println("  " + error.english() + detail);
        }
    }

    static Language parse(String value) throws ReaderException {
        return switch (value == null ? "both" : value) {
            case "vi" -> Language.VI;
            case "en" -> Language.EN;
            case "both" -> Language.BOTH;
            default -> throw new ReaderException(ReaderError.USAGE, "--lang is vi, en or both");
        };
    }
}
