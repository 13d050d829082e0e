package vn.healthid.sandbox.vneid;

import java.time.LocalDate;

/** A VNeID account of the stand-in: level 1 is self-registered, level 2 verified in person. */
public record Account(String citizenPid, String fullName, LocalDate birthDate, int level) {

    public Account {
        if (citizenPid == null || !citizenPid.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("citizenPid must be 12 digits");
        }
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("level must be 1 or 2");
        }
    }

    public Account atLevel(int newLevel) {
        return new Account(citizenPid, fullName, birthDate, newLevel);
    }
}
