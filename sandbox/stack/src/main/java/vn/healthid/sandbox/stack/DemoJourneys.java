package vn.healthid.sandbox.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.healthid.sandbox.cards.Card;

/**
 * {@code bin/healthid demo}: walks the journeys against the running stack and prints what happened. Exit code 0 when
 * every journey that is built passed, 1 otherwise. A journey whose part is not built is reported as such.
 */
public final class DemoJourneys {

    private DemoJourneys() {}

    public static void main(String[] args) {
        Stack stack;
        try {
            stack = Stack.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: DemoJourneys --keycloak URL --bridge URL --cards DIR [--store redis|memory] ("
                    + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        List<JourneyReport> reports = new ArrayList<>();
        reports.add(run("reception: chip -> token -> eligibility", r -> new ReceptionJourney(stack).run(r)));
        reports.add(run("citizen: chip login at a kiosk, SSO, logout", r -> new CitizenJourney(stack).run(r)));
        reports.add(run("telehealth: book, accept, join ticket", r -> new TelehealthJourney(stack).run(r)));
        reports.forEach(r -> System.out.print(r.render()));
        long failed = reports.stream()
                .filter(r -> r.status() == JourneyReport.Status.FAILED)
                .count();
        System.out.println("demo: " + (reports.size() - failed) + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static JourneyReport run(String name, Consumer<JourneyReport> journey) {
        JourneyReport report = new JourneyReport(name);
        try {
            journey.accept(report);
        } catch (DemoFailure e) {
            report.fail(e.getMessage());
        }
        return report;
    }

    /**
     * Where the stack runs, the sandbox cards it trusts, and the bridge's store ({@code redis}: Keycloak's logout
     * listener and the bridge share it, docs/sessions.md; {@code memory}, the default: they do not).
     */
    record Stack(String keycloak, String bridge, Path cards, String store) {

        static Stack fromArgs(String[] args) {
            String keycloak = null;
            String bridge = null;
            Path cards = null;
            String store = "memory";
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--keycloak" -> keycloak = args[i + 1];
                    case "--bridge" -> bridge = args[i + 1];
                    case "--cards" -> cards = Path.of(args[i + 1]);
                    case "--store" -> store = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (keycloak == null || bridge == null || cards == null) {
                throw new IllegalArgumentException("--keycloak, --bridge and --cards are required");
            }
            return new Stack(keycloak, bridge, cards, store);
        }

        Card card(int number) {
            Path file = cards.resolve("%02d.card.json".formatted(number));
            try {
                return Card.fromJson(Files.readString(file));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new DemoFailure("cannot read sandbox card " + file);
            }
        }

        Realm realm() {
            return new Realm(keycloak);
        }

        boolean sharesEndedSessions() {
            return "redis".equals(store);
        }

        String fhir() {
            return bridge + "/fhir";
        }
    }
}
