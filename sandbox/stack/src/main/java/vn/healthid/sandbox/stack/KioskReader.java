package vn.healthid.sandbox.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import vn.healthid.reader.cli.CccdReaderCommand;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/**
 * A kiosk answering a browser login: {@code cccd-reader login 'healthid-chip://login?...'} (reader module) with the
 * link of the login page's QR code, over a sandbox card's emulated chip, exactly as the command runs at a kiosk; the
 * reader posts the bundle to the page's phone callback.
 */
final class KioskReader implements Realm.ChipDelivery {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final Card card;

    KioskReader(Card card) {
        this.card = card;
    }

    @Override
    public void deliver(String challenge, String callback) {
        // the link the page's QR code carries (identity-spi ChipLoginPage)
        String link = "healthid-chip://login?challenge=" + challenge + "&callback="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8);
        Citizen c = card.citizen();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CccdReaderCommand.over(
                        (name, wait, extended) -> new EmulatedCardService(card),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(
                        "login",
                        link,
                        "--allowed-hosts",
                        URI.create(callback).getHost(),
                        "--mrz-number",
                        c.number(),
                        "--birth",
                        c.dateOfBirth().format(YYMMDD),
                        "--expiry",
                        c.dateOfExpiry() == null ? "991231" : c.dateOfExpiry().format(YYMMDD));
        if (exit != 0) {
            String said = err.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("cccd-reader:"))
                    .findFirst()
                    .orElse("exit " + exit);
            throw new DemoFailure("the kiosk reader failed: " + said);
        }
    }
}
