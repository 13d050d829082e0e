package vn.healthid.sandbox.cards;

import java.io.PrintStream;

/** The table {@code cards issue} prints: masked numbers only, never full identity numbers. */
final class CardTable {

    private static final String ROW = "%-36s %-13s %-6s %-10s %-10s %-15s %-24s %s%n";

    private final PrintStream out;

    CardTable(PrintStream out) {
        this.out = out;
        out.printf(ROW, "file", "number", "sex", "born", "expires", "aa", "dg13", "fault");
    }

    void row(String file, Citizen citizen, CardSpec spec) {
        out.printf(
                ROW,
                file,
                citizen.maskedNumber(),
                citizen.sex() == Sex.MALE ? "M" : "F",
                citizen.dateOfBirth(),
                citizen.dateOfExpiry() == null
                        ? "never"
                        : citizen.dateOfExpiry().toString(),
                spec.aaKey(),
                spec.dg13LayoutFor(citizen),
                spec.fault());
    }
}
