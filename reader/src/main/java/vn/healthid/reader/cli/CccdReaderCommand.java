package vn.healthid.reader.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.scuba.smartcards.CardService;
import vn.healthid.reader.bundle.BundleFile;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.AccessKey;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.chip.ChipReader;
import vn.healthid.reader.chip.ReadStats;
import vn.healthid.reader.chip.ReaderSettings;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.pcsc.Terminals;
import vn.healthid.reader.send.ClientSecret;
import vn.healthid.reader.send.DeepLink;
import vn.healthid.reader.send.HealthidClient;

/**
 * {@code cccd-reader read | grant | login}: the desk reader's command line (reader/README.md). Exit code 0 on
 * success, else the error's exit code with its stable code and the clerk's words on stderr.
 */
public final class CccdReaderCommand {

    static final String USAGE = """
            usage: cccd-reader read  --mrz-number N --birth YYMMDD --expiry YYMMDD --nonce B64URL --out FILE
                   cccd-reader grant --mrz-number N --birth YYMMDD --expiry YYMMDD --realm-url URL --client-id ID
                                     [--client-secret-file FILE] [--scope openid] [--out FILE]
                   cccd-reader login 'healthid-chip://login?...' --mrz-number N --birth YYMMDD --expiry YYMMDD
                                     --allowed-hosts HOST[,HOST]
            card options: --reader NAME --wait SECONDS --can CAN --mrz-digits 9 --document-number D
                          --retries 2 --extended-length auto|on|off --lang vi|en|both
            """;
    private static final Set<String> CARD_OPTIONS = Set.of(
            "mrz-number",
            "document-number",
            "mrz-digits",
            "birth",
            "expiry",
            "can",
            "reader",
            "wait",
            "retries",
            "extended-length",
            "lang");

    private final PrintStream out;
    private final PrintStream err;
    private final CardSource cards;
    private final HealthidClient healthid;
    private final Map<String, String> environment;

    CccdReaderCommand(
            PrintStream out,
            PrintStream err,
            CardSource cards,
            HealthidClient healthid,
            Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.cards = cards;
        this.healthid = healthid;
        this.environment = environment;
    }

    public static void main(String[] args) {
        CccdReaderCommand command = new CccdReaderCommand(
                System.out, System.err, CardSource.pcsc(Terminals.system()), new HealthidClient(), System.getenv());
        System.exit(command.run(args));
    }

    int run(String... args) {
        ClerkMessages messages = new ClerkMessages(err, ClerkMessages.Language.BOTH);
        try {
            if (args.length == 0) {
                throw new ReaderException(ReaderError.USAGE, "no mode");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            String lang = langOf(rest);
            messages = new ClerkMessages(err, ClerkMessages.parse(lang));
            switch (args[0]) {
                case "read" -> read(new Arguments(rest, with("nonce", "out")));
                case "grant" ->
                    grant(new Arguments(rest, with("realm-url", "client-id", "client-secret-file", "scope", "out")));
                case "login" -> login(new Arguments(rest, with("allowed-hosts")));
                case "serve" -> throw new ReaderException(ReaderError.USAGE, "serve is not available in this version");
                default -> throw new ReaderException(ReaderError.USAGE, "unknown mode " + args[0]);
            }
            return 0;
        } catch (ReaderException e) {
            messages.print(e);
            if (e.error() == ReaderError.USAGE) {
                err.print(USAGE);
            }
            return e.error().exitCode();
        }
    }

    private void read(Arguments args) throws ReaderException {
        String challenge = args.require("nonce");
        Path target = Path.of(args.require("out"));
        ChipRead read = readCard(args, challenge);
        BundleFile.write(target, ChipBundle.json(challenge, read));
        err.println("bundle: " + target + " " + summary(read));
    }

    private void grant(Arguments args) throws ReaderException {
        URI realm = URI.create(stripSlash(args.require("realm-url")));
        String clientId = args.require("client-id");
        String secretFile = args.get("client-secret-file");
        String secret = ClientSecret.load(secretFile == null ? null : Path.of(secretFile), environment);
        AccessKey key = key(args);
        String challenge = healthid.challenge(realm, clientId, secret);
        ChipRead read = readCard(args, key, challenge);
        String tokens = healthid.grant(realm, clientId, secret, ChipBundle.json(challenge, read), args.get("scope"));
        String target = args.get("out");
        if (target == null) {
            out.println(tokens);
        } else {
            BundleFile.write(Path.of(target), tokens.getBytes(StandardCharsets.UTF_8));
        }
        err.println("grant: " + summary(read));
    }

    private void login(Arguments args) throws ReaderException {
        if (args.positional().size() != 1) {
            throw new ReaderException(ReaderError.USAGE, "login takes one healthid-chip:// link");
        }
        String hosts = args.get("allowed-hosts", environment.getOrDefault("HEALTHID_ALLOWED_HOSTS", ""));
        Set<String> allowed = Arrays.stream(hosts.split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        DeepLink link = DeepLink.parse(args.positional().get(0), allowed);
        ChipRead read = readCard(args, link.challenge());
        healthid.deliver(link.callback(), ChipBundle.json(link.challenge(), read));
        err.println("login: " + summary(read) + "; healthid has the card, the browser continues");
    }

    private ChipRead readCard(Arguments args, String challenge) throws ReaderException {
        return readCard(args, key(args), challenge);
    }

    private ChipRead readCard(Arguments args, AccessKey key, String challenge) throws ReaderException {
        byte[] nonce;
        try {
            nonce = ChipBundle.decodeNonce(challenge);
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        }
        ReaderSettings settings;
        Boolean extended;
        try {
            ReaderSettings.ExtendedLength mode = ReaderSettings.ExtendedLength.valueOf(
                    args.get("extended-length", "auto").toUpperCase(java.util.Locale.ROOT));
            settings = ReaderSettings.defaults()
                    .withRetries(args.integer("retries", ReaderSettings.DEFAULT_RETRIES))
                    .withExtendedLength(mode);
            extended = mode == ReaderSettings.ExtendedLength.AUTO ? null : mode == ReaderSettings.ExtendedLength.ON;
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        }
        CardService card = cards.connect(args.get("reader"), args.integer("wait", 10) * 1000L, extended);
        try {
            return new ChipReader(settings).read(card, key, nonce, new ConsoleProgress(err));
        } finally {
            card.close();
        }
    }

    private static AccessKey key(Arguments args) throws ReaderException {
        try {
            String can = args.get("can");
            String documentNumber = args.get("document-number");
            String number = args.get("mrz-number");
            if (number == null && documentNumber == null) {
                if (can == null) {
                    throw new ReaderException(ReaderError.USAGE, "--mrz-number (or --can) is required");
                }
                return new AccessKey(null, null, null, can);
            }
            AccessKey key = documentNumber != null
                    ? new AccessKey(documentNumber, args.require("birth"), args.require("expiry"), null)
                    : AccessKey.fromPersonalNumber(
                            number, args.require("birth"), args.require("expiry"), args.integer("mrz-digits", 9));
            return can == null ? key : key.withCan(can);
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        }
    }

    /** Counts only: no card data in the summary. */
    private static String summary(ChipRead read) {
        ReadStats.Phase total = read.stats().total();
        return "(" + read.protocol() + ", files "
                + String.join(",", read.files().keySet()) + ", AA "
                + (read.aaSignature().isPresent() ? "yes" : "no") + ", " + total.apdus() + " APDUs, "
                + (total.commandBytes() + total.responseBytes()) + " B)";
    }

    private static Set<String> with(String... more) {
        Set<String> known = new java.util.HashSet<>(CARD_OPTIONS);
        known.addAll(List.of(more));
        return known;
    }

    private static String langOf(List<String> args) {
        int i = args.indexOf("--lang");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
