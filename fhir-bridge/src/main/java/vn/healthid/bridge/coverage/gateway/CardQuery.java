package vn.healthid.bridge.coverage.gateway;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.healthid.bridge.identity.NationalIds;

/**
 * Who to look up: {@code maThe} is a card code, a BHXH number or (since 2024) the CCCD number; the
 * name and date of birth are those proven by the chip or VNeID.
 */
public record CardQuery(String maThe, String fullName, LocalDate birthDate) {

    private static final DateTimeFormatter GATEWAY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String ngaySinh() {
        return birthDate.format(GATEWAY_DATE);
    }

    @Override
    public String toString() {
        return "CardQuery[" + NationalIds.mask(maThe) + "]";
    }
}
