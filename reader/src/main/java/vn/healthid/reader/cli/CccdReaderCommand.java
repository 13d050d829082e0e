package vn.healthid.reader.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.healthid.reader.bundle.BundleFile;
import vn.healthid.reader.bundle.ChipBundle;
import vn.healthid.reader.chip.ChipRead;
import vn.healthid.reader.chip.ReadStats;
import vn.healthid.reader.error.ReaderError;
import vn.healthid.reader.error.ReaderException;
import vn.healthid.reader.mrz.CardKey;
import vn.healthid.reader.pcsc.CardSource;
import vn.healthid.reader.pcsc.Terminals;
import vn.healthid.reader.send.ClientSecret;
import vn.healthid.reader.send.DeepLink;
import vn.healthid.reader.send.HealthidClient;
import vn.healthid.reader.serve.CardReading;

/**
 * {@code cccd-reader read | grant | login | serve}: the desk reader's command line (reader/README.md). Exit code 0 on
 * success, else the error's exit code with its stable code and the clerk's words on stderr.
 */
public final class CccdReaderCommand {

    static final String USAGE = """
            usage: cccd-reader read  --mrz-number N --birth YYMMDD --expiry YYMMDD --nonce B64URL --out FILE
                   cccd-reader grant --mrz-number N --birth YYMMDD --expiry YYMMDD --realm-url URL --client-id ID
                                     [--client-secret-file FILE] [--scope openid] [--out FILE]
                   cccd-reader login 'healthid-chip://login?...' --mrz-number N --birth YYMMDD --expiry YYMMDD
                                     --allowed-hosts HOST[,HOST]
                   cccd-reader serve --realm-url URL --client-id ID [--client-secret-file FILE] --origins ORIGIN[,..]
                                     [--port 8765] [--bind 127.0.0.1] [--confirm terminal] [--scope S]
            card key: --mrz-number N --birth YYMMDD --expiry YYMMDD | --document-number D --birth --expiry
                      | --mrz-lines 'LINE1\nLINE2\nLINE3' | --qr 'CCCD|CMND|name|ddMMyyyy|sex|address|ddMMyyyy'
                      [--expiry YYMMDD] ; --can CAN (PACE)
            card options: --reader NAME --wait SECONDS --mrz-digits 9 --retries 2 --extended-length auto|on|off
                          --lang vi|en|both
            """;
    private static final Set<String> CARD_OPTIONS = Set.of(
            "mrz-number",
            "mrz-lines",
            "qr",
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
    private final InputStream in;
    private BufferedReader terminalIn;

    CccdReaderCommand(
            PrintStream out,
            PrintStream err,
            CardSource cards,
            HealthidClient healthid,
            Map<String, String> environment) {
        this(out, err, cards, healthid, environment, InputStream.nullInputStream());
    }

    CccdReaderCommand(
            PrintStream out,
            PrintStream err,
            CardSource cards,
            HealthidClient healthid,
            Map<String, String> environment,
            InputStream in) {
        this.out = out;
        this.err = err;
        this.cards = cards;
        this.healthid = healthid;
        this.environment = environment;
        this.in = in;
    }

    /** The command over another card source, e.g. the sandbox demo's emulated chip; {@link #main} uses PC/SC. */
    public static CccdReaderCommand over(CardSource cards, PrintStream out, PrintStream err) {
        return new CccdReaderCommand(out, err, cards, new HealthidClient(), Map.of(), InputStream.nullInputStream());
    }

    public static void main(String[] args) {
        CccdReaderCommand command = new CccdReaderCommand(
                System.out,
                System.err,
                CardSource.pcsc(Terminals.system()),
                new HealthidClient(),
                System.getenv(),
                System.in);
        System.exit(command.run(args));
    }

    /** Runs one mode; the exit status (0, or the error's) is returned, never exited with. */
    public int run(String... args) {
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
                case "serve" ->
                    serve(new Arguments(
                            rest,
                            with(
                                    "realm-url",
                                    "client-id",
                                    "client-secret-file",
                                    "scope",
                                    "origins",
                                    "port",
                                    "bind",
                                    "confirm")));
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
        CardKey key = KeyOptions.of(args);
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

    private void serve(Arguments args) throws ReaderException {
        URI realm = URI.create(stripSlash(args.require("realm-url")));
        String secretFile = args.get("client-secret-file");
        String secret = ClientSecret.load(secretFile == null ? null : Path.of(secretFile), environment);
        new ServeMode(healthid, cards, environment, in, err).run(args, realm, secret);
    }

    private ChipRead readCard(Arguments args, String challenge) throws ReaderException {
        return readCard(args, KeyOptions.of(args), challenge);
    }

    /** Reads with the key; a QR code's derived expiry that the chip refuses is asked for once on the terminal. */
    private ChipRead readCard(Arguments args, CardKey key, String challenge) throws ReaderException {
        byte[] nonce;
        try {
            nonce = ChipBundle.decodeNonce(challenge);
        } catch (IllegalArgumentException e) {
            throw new ReaderException(ReaderError.USAGE, e.getMessage());
        }
        CardReading reading = CardOptions.reading(args, cards, err);
        try {
            return reading.read(key.key(), nonce);
        } catch (ReaderException e) {
            if (e.error() != ReaderError.ACCESS_CONTROL_FAILED || !key.expiryUnverified()) {
                throw e;
            }
            if (terminalIn == null) {
                terminalIn = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            CardKey asked = KeyOptions.askExpiry(key, terminalIn, err, args.integer("mrz-digits", 9))
                    .orElseThrow(() -> new ReaderException(ReaderError.EXPIRY_NEEDED, null, e));
            return reading.read(asked.key(), nonce);
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
