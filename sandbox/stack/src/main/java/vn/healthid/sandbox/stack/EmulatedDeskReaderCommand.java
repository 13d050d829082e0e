package vn.healthid.sandbox.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import vn.healthid.sandbox.cards.Card;

/**
 * {@code bin/healthid reader}: {@code cccd-reader serve} for the sandbox stack, over the emulated chips of the sandbox
 * cards, for a reception page and its browser tests. The card "on the reader" is the sandbox card whose number ends
 * with the document number the clerk typed (another number: no card, as with an empty reader). Reads are confirmed
 * automatically and the clinic's secret is the sandbox realm's: never a desk.
 */
public final class EmulatedDeskReaderCommand {

    private EmulatedDeskReaderCommand() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String keycloak = null;
        String origins = DeskReader.RECEPTION_PAGE;
        Path cards = null;
        int port = 8765;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keycloak" -> keycloak = args[i + 1];
                case "--cards" -> cards = Path.of(args[i + 1]);
                case "--origins" -> origins = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (keycloak == null || cards == null) {
            usage("--keycloak and --cards are required");
        }
        List<Card> onTheReader = load(cards);
        try (DeskReader reader = new DeskReader(keycloak + "/realms/health", port, origins, onTheReader, System.err)) {
            System.err.println("healthid: sandbox desk reader on " + reader.url() + " for " + origins + ", "
                    + onTheReader.size() + " emulated cards (Ctrl-C stops)");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } catch (DemoFailure e) {
            System.err.println("healthid: " + e.getMessage());
            System.exit(1);
        }
    }

    private static List<Card> load(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.card\\.json"))
                    .sorted()
                    .map(EmulatedDeskReaderCommand::card)
                    .toList();
        }
    }

    private static Card card(Path file) {
        try {
            return Card.fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new DemoFailure("cannot read sandbox card " + file);
        }
    }

    private static void usage(String why) {
        System.err.println(
                "usage: EmulatedDeskReaderCommand --keycloak URL --cards DIR [--port 8765] [--origins LIST] (" + why
                        + ")");
        System.exit(2);
    }
}
