package vn.healthid.sandbox.vneid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in on its own: {@code java -jar vneid-standin.jar [--port 8091] [--rp-public-key rp-public.pem |
 * --key-dir dir] [--client-id id] [--client-secret s] [--cipher AES_GCM|AES_CBC] [--oaep SHA-256|SHA-1]
 * [--plain-code] [--population 200]}. Without {@code --rp-public-key} a key pair is generated and written to
 * {@code key-dir} (rp-private.pem for Keycloak's identity provider, rp-public.pem).
 */
public final class VneidStandInMain {

    private VneidStandInMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        VneidStandIn standIn = start(args);
        System.out.println("VNeID stand-in on " + standIn.baseUrl() + " ("
                + standIn.accounts().all().size() + " accounts)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Parses the options and starts; also the entry point for tests that load the shaded jar. */
    public static VneidStandIn start(String... args) throws IOException {
        int port = 8091;
        Path publicKey = null;
        Path keyDir = Path.of(".");
        String clientId = StandInSettings.SANDBOX_CLIENT_ID;
        String clientSecret = StandInSettings.SANDBOX_CLIENT_SECRET;
        String cipher = WireFormat.DEFAULT.cipher();
        String oaep = WireFormat.DEFAULT.oaepDigest();
        boolean codeEncrypted = true;
        int population = 200;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--rp-public-key" -> publicKey = Path.of(value);
                case "--key-dir" -> keyDir = Path.of(value);
                case "--client-id" -> clientId = value;
                case "--client-secret" -> clientSecret = value;
                case "--cipher" -> cipher = value;
                case "--oaep" -> oaep = value;
                case "--population" -> population = Integer.parseInt(value);
                case "--plain-code" -> {
                    codeEncrypted = false;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        PublicKey key = publicKey != null ? readPublicKey(Files.readString(publicKey)) : generateInto(keyDir);
        StandInSettings settings =
                new StandInSettings(clientId, clientSecret, key, new WireFormat(cipher, oaep, codeEncrypted));
        return VneidStandIn.start(
                port, settings, Accounts.fromPopulation(Accounts.SANDBOX_SEED, population, LocalDate.now()));
    }

    static PublicKey readPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key (PEM, SubjectPublicKeyInfo)", e);
        }
    }

    private static PublicKey generateInto(Path dir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("rp-private.pem"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(
                    dir.resolve("rp-public.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.out.println("relying-party key pair written to " + dir.toAbsolutePath() + " (sandbox only)");
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
