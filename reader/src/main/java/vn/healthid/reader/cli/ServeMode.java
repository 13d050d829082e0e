package vn.healthid.reader.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.CardSource;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.reader.serve.CardReading;
import vn.healthid.reader.serve.ReaderServer;
import vn.healthid.reader.serve.ServeOptions;

/** {@code cccd-reader serve}: the options to {@link ServeOptions}, then the server until the process is stopped. */
final class ServeMode {

    private final HealthidClient healthid;
    private final CardSource cards;
    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintStream err;

    ServeMode(
            HealthidClient healthid,
            CardSource cards,
            Map<String, String> environment,
            InputStream in,
            PrintStream err) {
        this.healthid = healthid;
        this.cards = cards;
        this.environment = environment;
        this.in = in;
        this.err = err;
    }

    void run(Arguments args, URI realm, String secret) throws ReaderException {
        ServeOptions options = new ServeOptions(
                args.get("bind", null),
                args.integer("port", ServeOptions.DEFAULT_PORT),
                args.get("origins", environment.get("HEALTHID_READER_ORIGINS")),
                args.get("confirm", ServeOptions.CONFIRM_TERMINAL),
                realm,
                args.require("client-id"),
                secret,
                args.get("scope"),
                args.integer("mrz-digits", 9));
        CardReading reading = CardOptions.reading(args, cards, err);
        String readerName = args.get("reader");
        ReaderServer server = options.open(healthid, reading, () -> cards.status(readerName), in, err);
        server.start();
        err.println("cccd-reader: serving http://127.0.0.1:" + server.port() + "/v1/ for " + options.origins()
                + " (Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
