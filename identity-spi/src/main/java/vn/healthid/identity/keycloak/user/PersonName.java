package vn.healthid.identity.keycloak.user;

/** A Vietnamese full name is written family name first: "Nguyễn Văn An" -> family "Nguyễn", given "Văn An". */
public record PersonName(String family, String given) {

    public static PersonName of(String fullName) {
        String trimmed = fullName == null ? "" : fullName.trim().replaceAll("\\s+", " ");
        int space = trimmed.indexOf(' ');
        return space < 0
                ? new PersonName(trimmed, "")
                : new PersonName(trimmed.substring(0, space), trimmed.substring(space + 1));
    }
}
