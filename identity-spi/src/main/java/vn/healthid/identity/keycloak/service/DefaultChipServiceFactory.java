package vn.healthid.identity.keycloak.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.healthid.identity.chip.ChipVerifier;
import vn.healthid.identity.chip.TrustStore;

/** Reads the settings and loads the trust store once, at server start. */
public final class DefaultChipServiceFactory implements ChipServiceProviderFactory {

    public static final String ID = "default";
    private static final System.Logger LOG = System.getLogger(DefaultChipServiceFactory.class.getName());

    private ChipSettings settings;
    private ChipVerifier verifier;

    @Override
    public void init(Config.Scope config) {
        settings = ChipSettings.from(config);
        TrustStore trust = loadTrust(settings);
        if (trust == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "healthid-chip: no trust-pem or master-list configured; every chip login will fail");
        } else {
            verifier = new ChipVerifier(trust, Clock.systemUTC());
        }
    }

    // Misconfiguration stops the server: a chip login must never run against a half-loaded trust store.
    private static TrustStore loadTrust(ChipSettings settings) {
        TrustStore trust = null;
        if (settings.trustPem().isPresent()) {
            trust = TrustStore.fromPem(read(settings.trustPem().get()));
        } else if (settings.masterList().isPresent()) {
            trust = TrustStore.fromMasterList(read(settings.masterList().get()));
        }
        if (trust != null && settings.crl().isPresent()) {
            trust = trust.withCrls(read(settings.crl().get()));
        }
        return trust;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("healthid-chip: cannot read " + path, e);
        }
    }

    @Override
    public ChipService create(KeycloakSession session) {
        return new ChipService(session, settings, verifier);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name("trust-pem")
                .type("string")
                .helpText("PEM bundle of trusted CSCA certificates")
                .add()
                .property()
                .name("master-list")
                .type("string")
                .helpText("ICAO CSCA master list (CMS), used when no trust-pem")
                .add()
                .property()
                .name("crl")
                .type("string")
                .helpText("CRLs (PEM or DER) of the CSCAs")
                .add()
                .property()
                .name("challenge-ttl")
                .type("int")
                .helpText("Challenge lifetime in seconds")
                .defaultValue(120)
                .add()
                .property()
                .name("max-bundle-bytes")
                .type("int")
                .helpText("Largest chip bundle accepted")
                .defaultValue(262144)
                .add()
                .property()
                .name("proof-required")
                .type("string")
                .helpText("PASSIVE_AND_ACTIVE or PASSIVE_ONLY")
                .defaultValue("PASSIVE_AND_ACTIVE")
                .add()
                .property()
                .name("acr-active")
                .type("string")
                .helpText("acr for passive + active proof")
                .defaultValue(ChipLevels.DEFAULT_ACR_ACTIVE)
                .add()
                .property()
                .name("loa-active")
                .type("int")
                .helpText("LoA for passive + active proof")
                .defaultValue(3)
                .add()
                .property()
                .name("acr-passive")
                .type("string")
                .helpText("acr for passive-only proof")
                .defaultValue(ChipLevels.DEFAULT_ACR_PASSIVE)
                .add()
                .property()
                .name("loa-passive")
                .type("int")
                .helpText("LoA for passive-only proof")
                .defaultValue(1)
                .add()
                .property()
                .name("token-lifetime")
                .type("int")
                .helpText("Back-channel access token lifetime, seconds")
                .defaultValue(300)
                .add()
                .property()
                .name("lockout-threshold-session")
                .type("int")
                .helpText("Refused chip proofs in one browser login before it is locked")
                .defaultValue(5)
                .add()
                .property()
                .name("lockout-threshold-address")
                .type("int")
                .helpText("Refused chip proofs from one source address before it is locked")
                .defaultValue(20)
                .add()
                .property()
                .name("lockout-threshold-client")
                .type("int")
                .helpText("Refused chip proofs through one confidential client before it is locked")
                .defaultValue(100)
                .add()
                .property()
                .name("lockout-duration")
                .type("int")
                .helpText("Failure counting window and lock time, seconds")
                .defaultValue(900)
                .add()
                .property()
                .name("rate-window")
                .type("int")
                .helpText("Window of the rate limits, seconds")
                .defaultValue(60)
                .add()
                .property()
                .name("rate-challenge-client")
                .type("int")
                .helpText("Challenges per client per window")
                .defaultValue(600)
                .add()
                .property()
                .name("rate-challenge-address")
                .type("int")
                .helpText("Challenges per source address per window")
                .defaultValue(60)
                .add()
                .property()
                .name("rate-grant-client")
                .type("int")
                .helpText("Chip grants per client per window")
                .defaultValue(600)
                .add()
                .property()
                .name("rate-grant-address")
                .type("int")
                .helpText("Chip grants per source address per window")
                .defaultValue(60)
                .add()
                .property()
                .name("rate-phone-client")
                .type("int")
                .helpText("Phone posts per client per window")
                .defaultValue(600)
                .add()
                .property()
                .name("rate-phone-address")
                .type("int")
                .helpText("Phone posts per source address per window")
                .defaultValue(30)
                .add()
                .property()
                .name("phone-max-bundle-bytes")
                .type("int")
                .helpText("Largest bundle the phone callback keeps for a waiting browser")
                .defaultValue(ChipSettings.DEFAULT_PHONE_MAX_BUNDLE_BYTES)
                .add()
                .property()
                .name("patient-id-key")
                .type("string")
                .helpText("Base64 HMAC key of the patient-id scheme")
                .add()
                .build();
    }
}
