package vn.healthid.reader.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.mrz.CardKey;
import vn.healthid.reader.mrz.CardQr;
import vn.healthid.reader.mrz.MrzInputException;
import vn.healthid.reader.mrz.Td1Mrz;

/**
 * The key options of the command line: typed ({@code --mrz-number} or {@code --document-number} with {@code --birth}
 * and {@code --expiry}), the three TD1 lines ({@code --mrz-lines}), the front QR code ({@code --qr}, with an
 * optional {@code --expiry}), and {@code --can}; and the question a clerk answers when the QR code's derived expiry
 * does not open the chip.
 */
final class KeyOptions {

    private KeyOptions() {}

    static CardKey of(Arguments args) throws ReaderException {
        try {
            String can = args.get("can");
            CardKey key = mrz(args);
            if (key == null) {
                if (can == null) {
                    throw new ReaderException(
                            ReaderError.USAGE, "--mrz-number, --mrz-lines, --qr (or --can) is required");
                }
                return CardKey.of(new AccessKey(null, null, null, can));
            }
            return can == null ? key : key.withCan(can);
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        } catch (MrzInputException e) {
            throw new ReaderException(ReaderError.MRZ_INVALID, e.getMessage());
        }
    }

    private static CardKey mrz(Arguments args) throws ReaderException, MrzInputException {
        int digits = args.integer("mrz-digits", 9);
        if (args.get("mrz-lines") != null) {
            return CardKey.of(Td1Mrz.parse(args.get("mrz-lines").replace("\\n", "\n")));
        }
        if (args.get("qr") != null) {
            CardQr qr = CardQr.parse(args.get("qr"));
            String expiry = args.get("expiry");
            return expiry == null ? CardKey.fromQr(qr, digits) : CardKey.of(qr.withExpiry(expiry, digits));
        }
        String documentNumber = args.get("document-number");
        String number = args.get("mrz-number");
        if (documentNumber != null) {
            return CardKey.of(new AccessKey(documentNumber, args.require("birth"), args.require("expiry"), null));
        }
        if (number != null) {
            return CardKey.of(
                    AccessKey.fromPersonalNumber(number, args.require("birth"), args.require("expiry"), digits));
        }
        return null;
    }

    /**
     * The QR code's expiry was a derivation and the chip refused it: the printed date, asked on the terminal
     * (YYMMDD or dd/MM/yyyy as printed). Empty when there is no answer.
     */
    static Optional<CardKey> askExpiry(CardKey key, BufferedReader terminalIn, PrintStream terminal, int digits) {
        CardQr qr = key.qr().orElseThrow();
        terminal.print("cccd-reader: mã QR không có ngày hết hạn / the QR code has no expiry. "
                + "Ngày hết hạn in trên thẻ / expiry printed on the card (dd/mm/yyyy): ");
        terminal.flush();
        try {
            String line = terminalIn.readLine();
            if (line == null || line.isBlank()) {
                return Optional.empty();
            }
            String typed = line.strip();
            String yymmdd = typed.matches("\\d{2}/\\d{2}/\\d{4}")
                    ? typed.substring(8, 10) + typed.substring(3, 5) + typed.substring(0, 2)
                    : typed;
            AccessKey asked = qr.withExpiry(yymmdd, digits);
            return Optional.of(CardKey.of(
                    key.key().can() == null ? asked : asked.withCan(key.key().can())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
