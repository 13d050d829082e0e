package vn.healthid.sandbox.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadProgress;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.DeviceStatus;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.reader.serve.CardReading;
import vn.healthid.reader.serve.ReaderServer;
import vn.healthid.reader.serve.ServeOptions;
import vn.healthid.sandbox.cards.Card;
import vn.healthid.sandbox.cards.chip.EmulatedCardService;

/**
 * The reception's desk reader: {@code cccd-reader serve} (reader module) on a free loopback port, holding the clinic's
 * credential, with a sandbox card's emulated chip on its "reader". The demo asks it as the reception page would
 * ({@code POST /v1/read} with the page's Origin) and gets the citizen's token; the bundle never passes through the
 * demo. Reads are confirmed automatically: a demo, never a desk.
 */
final class DeskReader implements AutoCloseable {

    /** The reception page's origin (bin/healthid's web origin). */
    static final String RECEPTION_PAGE = "http://localhost:8090";

    private final AtomicReference<Card> onTheReader = new AtomicReference<>();
    private final ReaderServer server;

    /** The demo's reader: the card {@link #read} puts on it, on a free port, for the reception page's origin. */
    DeskReader(String realmUrl) {
        this(realmUrl, 0, RECEPTION_PAGE, null, new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    }

    /**
     * {@code cards} null: the card {@link #read} put on the reader; else the sandbox card whose number ends with the
     * key's document number (the card a clerk typed the data of), or none.
     */
    DeskReader(String realmUrl, int port, String origins, List<Card> cards, PrintStream terminal) {
        CardReading reading = (key, nonce) -> {
            Card card = cards == null ? onTheReader.get() : matching(cards, key);
            if (card == null) {
                throw new ReaderException(ReaderError.NO_CARD);
            }
            EmulatedCardService chip = new EmulatedCardService(card);
            try {
                return new ChipReader(ReaderSettings.defaults()).read(chip, key, nonce, ReadProgress.NONE);
            } finally {
                chip.close();
            }
        };
        ServeOptions options = new ServeOptions(
                "127.0.0.1",
                port,
                origins,
                ServeOptions.CONFIRM_AUTO_UNSAFE,
                URI.create(realmUrl),
                Sandbox.CLINIC,
                Sandbox.CLINIC_SECRET,
                null,
                9);
        try {
            server = options.open(
                    new HealthidClient(),
                    reading,
                    () -> DeviceStatus.present("sandbox emulated chip", cards != null || onTheReader.get() != null),
                    InputStream.nullInputStream(),
                    terminal);
        } catch (ReaderException e) {
            throw new DemoFailure("the desk reader did not start: " + e.error());
        }
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** The card goes on the reader and the page asks for a read with the given key: the reader's answer. */
    JsonNode read(Http http, Card card, ObjectNode key) {
        onTheReader.set(card);
        Http.Response answer = http.postJson(url() + "/read", key.toString(), "Origin", RECEPTION_PAGE);
        if (answer.status() != 200) {
            throw new DemoFailure("the desk reader answered HTTP " + answer.status() + " "
                    + answer.json().at("/error/code").asText()
                    + " " + answer.json().at("/error/detail").asText());
        }
        return answer.json();
    }

    /** A page of another origin: the reader must refuse it. */
    Http.Response readFrom(Http http, String origin, ObjectNode key) {
        return http.postJson(url() + "/read", key.toString(), "Origin", origin);
    }

    private static Card matching(List<Card> cards, AccessKey key) {
        if (key.documentNumber() == null) {
            return cards.isEmpty() ? null : cards.get(0);
        }
        return cards.stream()
                .filter(c -> c.citizen().number().endsWith(key.documentNumber()))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        server.close();
    }
}
