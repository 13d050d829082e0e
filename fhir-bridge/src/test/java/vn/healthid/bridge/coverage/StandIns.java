package vn.healthid.bridge.coverage;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.healthid.bridge.coverage.cache.TokenSealer;
import vn.healthid.bridge.coverage.gateway.CardQuery;
import vn.healthid.bridge.coverage.gateway.GatewaySettings;
import vn.healthid.bridge.coverage.gateway.StaffIdentity;
import vn.healthid.sandbox.gateway.GatewayStandIn;
import vn.healthid.sandbox.gateway.Person;

/** Test fixtures over the gateway stand-in: settings, the clerk, and queries for its people. */
public final class StandIns {

    public static final StaffIdentity CLERK = new StaffIdentity("Nhân Viên Tiếp Đón", "079085009999");
    /** Seals the gateway session in tests (a fixed test key; 32 bytes of 0x2a). */
    public static final TokenSealer SEALER = TokenSealer.fromBase64("KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=");

    private StandIns() {}

    public static GatewaySettings settings(GatewayStandIn gateway, Duration requestTimeout) {
        return new GatewaySettings(
                URI.create(gateway.baseUrl()),
                gateway.credentials().username(),
                gateway.credentials().password(),
                Duration.ofSeconds(1),
                requestTimeout,
                65536,
                Duration.ofMinutes(30));
    }

    /** The bridge asks by CCCD number with the chip-proven name and birth date. */
    public static CardQuery byCccd(Person p) {
        return new CardQuery(p.cccd(), p.hoTen(), birthDate(p));
    }

    public static LocalDate birthDate(Person p) {
        return LocalDate.parse(p.ngaySinh(), DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
