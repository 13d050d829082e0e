package vn.healthid.sandbox.stack.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Loads synthetic citizens straight into Keycloak's tables with COPY, row for row what a first chip login writes
 * (identity-spi CitizenUsers): a user_entity (username = patient id shape, no e-mail, enabled), five user_attribute
 * rows (national_id, chip_verified_at, birthdate, gender, card_issued), the realm's default role; no credential.
 * Their ids start with {@code b...-4000-8000-}, so that they can be counted and removed; their national ids start
 * with 099, a province code the sandbox cards never use.
 */
final class CitizenLoader {

    private static final String NAMES = "An Bình Chi Dũng Hà Hải Hương Lan Linh Minh Nam Ngọc Phúc Quang Thảo Trang";
    private static final String FAMILIES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý";
    private static final String[] ATTRIBUTES = {"national_id", "chip_verified_at", "birthdate", "gender", "card_issued"
    };

    private final Psql psql;
    private final String realmId;
    private final String defaultRole;

    CitizenLoader(Psql psql) {
        this.psql = psql;
        this.realmId = psql.query("select id from realm where name = 'health'");
        this.defaultRole = psql.query(
                "select id from keycloak_role where name = 'default-roles-health' and realm_id = '" + realmId + "'");
    }

    long loaded() {
        return Long.parseLong(psql.query("select count(*) from user_entity where id like 'b%-4000-8000-%'"));
    }

    /** Adds citizens number {@code from} (inclusive) to {@code to} (exclusive). */
    void load(long from, long to) {
        String[] given = NAMES.split(" ");
        String[] family = FAMILIES.split(" ");
        long now = Instant.now().toEpochMilli();
        psql.copy(
                "user_entity",
                "id, email_constraint, email_verified, enabled, first_name, last_name, realm_id, username,"
                        + " created_timestamp, not_before",
                out -> each(
                        from,
                        to,
                        i -> out.append(userId(i))
                                .append(',')
                                .append(userId(i).replace('b', 'e'))
                                .append(",false,true,")
                                .append(given[(int) (i % given.length)])
                                .append(',')
                                .append(family[(int) (i / given.length % family.length)])
                                .append(',')
                                .append(realmId)
                                .append(',')
                                .append(username(i))
                                .append(',')
                                .append(Long.toString(now))
                                .append(",0\n")));
        psql.copy(
                "user_attribute",
                "id, name, value, user_id",
                out -> each(from, to, i -> {
                    String[] values = {
                        nationalId(i),
                        Instant.ofEpochMilli(now).toString(),
                        LocalDate.of(1940 + (int) (i % 70), 1 + (int) (i % 12), 1 + (int) (i % 28))
                                .toString(),
                        i % 2 == 0 ? "male" : "female",
                        LocalDate.of(2021 + (int) (i % 4), 1 + (int) (i % 12), 1 + (int) (i % 28))
                                .toString()
                    };
                    for (int k = 0; k < ATTRIBUTES.length; k++) {
                        out.append(attributeId(k, i))
                                .append(',')
                                .append(ATTRIBUTES[k])
                                .append(',')
                                .append(values[k])
                                .append(',')
                                .append(userId(i))
                                .append('\n');
                    }
                }));
        psql.copy(
                "user_role_mapping",
                "role_id, user_id",
                out -> each(
                        from,
                        to,
                        i -> out.append(defaultRole)
                                .append(',')
                                .append(userId(i))
                                .append('\n')));
        for (String table : new String[] {"user_entity", "user_attribute", "user_role_mapping"}) {
            psql.query("analyze " + table);
        }
    }

    /** Removes every loaded citizen. */
    void clear() {
        psql.query("delete from user_role_mapping where user_id like 'b%-4000-8000-%'");
        psql.query("delete from user_attribute where user_id like 'b%-4000-8000-%'");
        psql.query("delete from user_entity where id like 'b%-4000-8000-%'");
        for (String table : new String[] {"user_entity", "user_attribute", "user_role_mapping"}) {
            psql.query("vacuum analyze " + table);
        }
    }

    static String nationalId(long i) {
        return "099" + String.format("%09d", i);
    }

    private static String userId(long i) {
        return String.format("b0000000-0000-4000-8000-%012d", i);
    }

    private static String attributeId(int k, long i) {
        return String.format("a%d000000-0000-4000-8000-%012d", k, i);
    }

    /** The shape of a patient id (identity-spi PatientIds): 'p' and 32 base-32 letters; here from the number. */
    private static String username(long i) {
        String digits = Long.toString(i * 2_654_435_761L + 1_000_003L, 32);
        return "p" + "q".repeat(32 - digits.length()) + digits;
    }

    private interface Row {
        void write(long i) throws IOException;
    }

    private static void each(long from, long to, Row row) {
        try {
            for (long i = from; i < to; i++) {
                row.write(i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
