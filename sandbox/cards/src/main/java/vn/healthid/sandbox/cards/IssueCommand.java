package vn.healthid.sandbox.cards;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code cards issue}: a sandbox PKI's trust files and a population's card files. */
final class IssueCommand {

    private static final int MAX_COUNT = 999;

    private final long seed;
    private final int count;
    private final Path outDir;
    private final SignatureScheme scheme;
    private final boolean faults;

    IssueCommand(String[] args) {
        CliArguments options =
                new CliArguments(args, 1, Set.of("--seed", "--count", "--out", "--scheme"), Set.of("--faults"));
        this.seed = options.longValue("--seed");
        this.count = options.intValue("--count", 1, MAX_COUNT);
        this.outDir = Path.of(options.required("--out"));
        this.scheme = scheme(options.optional("--scheme", SignatureScheme.RSA_PKCS1_SHA256.name()));
        this.faults = options.flag("--faults");
    }

    int run(PrintStream out) throws IOException {
        Instant now = Instant.now();
        SandboxPki pki = SandboxPki.generate(seed, scheme, now);
        Path trust = Files.createDirectories(outDir.resolve("trust"));
        Files.writeString(trust.resolve("csca.pem"), pki.trustPem(), StandardCharsets.US_ASCII);
        Files.write(trust.resolve("masterlist.ml"), pki.masterList());
        Files.writeString(trust.resolve("crl.pem"), pki.crlPem(), StandardCharsets.US_ASCII);

        Path cards = Files.createDirectories(outDir.resolve("cards"));
        List<Citizen> citizens = Population.generate(seed, count, LocalDate.ofInstant(now, ZoneOffset.UTC));
        CardIssuer issuer = new CardIssuer(pki);
        CardTable table = new CardTable(out);
        String width = "%0" + Math.max(2, String.valueOf(count).length()) + "d";
        for (int i = 0; i < citizens.size(); i++) {
            write(issuer, citizens.get(i), varied(i), cards.resolve(String.format(width, i + 1) + ".card.json"), table);
        }
        if (faults) {
            List<Citizen> expiring =
                    citizens.stream().filter(c -> c.dateOfExpiry() != null).toList();
            List<Citizen> pool = expiring.isEmpty() ? citizens : expiring;
            int next = 0;
            for (CardFault fault : CardFault.values()) {
                if (fault != CardFault.NONE) {
                    String name =
                            "fault-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
                    Citizen citizen = pool.get(next++ % pool.size());
                    write(
                            issuer,
                            citizen,
                            CardSpec.defaults().withFault(fault),
                            cards.resolve(name + ".card.json"),
                            table);
                }
            }
        }
        out.println(
                "trust store and cards written to " + outDir.toAbsolutePath().normalize());
        return CardsCommand.OK;
    }

    /** Valid cards in every supported shape: RSA-2048 AA, EC AA, legacy RSA-1024 AA; DG13 layouts by seed. */
    static CardSpec varied(int index) {
        return switch (index % 4) {
            case 1 -> CardSpec.defaults().withAaKey(AaKey.EC_P256_SHA256);
            case 2 -> CardSpec.defaults().withAaKey(AaKey.RSA_1024_SHA1);
            default -> CardSpec.defaults();
        };
    }

    private static void write(CardIssuer issuer, Citizen citizen, CardSpec spec, Path file, CardTable table)
            throws IOException {
        Card card = issuer.issue(citizen, spec);
        Files.writeString(file, card.toJson(), StandardCharsets.UTF_8);
        table.row(file.getFileName().toString(), card.citizen(), spec);
    }

    private static SignatureScheme scheme(String name) {
        try {
            return SignatureScheme.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --scheme " + name);
        }
    }
}
