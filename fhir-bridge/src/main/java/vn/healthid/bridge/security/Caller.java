package vn.healthid.bridge.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.healthid.bridge.fhir.BridgeError;
import vn.healthid.bridge.fhir.BridgeFhirException;
import vn.healthid.bridge.smart.GrantedScopes;
import vn.healthid.bridge.smart.Interaction;
import vn.healthid.bridge.smart.ScopeContext;

/**
 * Who is calling, built once per request from the verified access token (and the verified staff
 * token) by {@link CallerAuthenticationConverter}; the only place that knows claims. Features ask
 * it questions ({@link #may}, {@link #requireLevel}) instead of reading claims or scope strings.
 *
 * <p>A citizen's token ({@code fhirUser Patient/<id>}) is confined to that citizen whatever scopes
 * it carries: its {@code patient/} and {@code user/} scopes mean its own compartment, and a
 * {@code system/} scope on it grants nothing (the chip grant never issues one).
 */
public final class Caller {

    /** The subject of the token. */
    public enum Kind {
        /** {@code system/} scopes never reach a citizen's token: they are for tokens with no person. */
        CITIZEN(Set.of(ScopeContext.PATIENT, ScopeContext.USER)),
        PRACTITIONER(Set.of(ScopeContext.USER, ScopeContext.SYSTEM)),
        SYSTEM(Set.of(ScopeContext.USER, ScopeContext.SYSTEM));

        private final Set<ScopeContext> contexts;

        Kind(Set<ScopeContext> contexts) {
            this.contexts = contexts;
        }
    }

    private final Identity identity;
    private final GrantedScopes scopes;
    private final Proof proof;
    private final Optional<CitizenClaims> citizen;
    private final StaffProof staff;
    private final Assurance assurance;

    /**
     * @param identity kind, id (patient or practitioner; the client for a system), {@code sub},
     *     {@code azp}, {@code act.client_id} and {@code purpose_of_use}
     * @param proof the {@code acr} and {@code auth_time} of the token
     * @param citizen the verified identity claims of a citizen (present when the token carries them)
     */
    public Caller(
            Identity identity,
            GrantedScopes scopes,
            Proof proof,
            Optional<CitizenClaims> citizen,
            StaffProof staff,
            Assurance assurance) {
        this.identity = identity;
        this.scopes = scopes;
        this.proof = proof;
        this.citizen = citizen;
        this.staff = staff;
        this.assurance = assurance;
    }

    /** The same caller with the verified staff token of the request. */
    public Caller withStaff(StaffProof staff) {
        return new Caller(identity, scopes, proof, citizen, staff, assurance);
    }

    public Kind kind() {
        return identity.kind();
    }

    public boolean isCitizen() {
        return identity.kind() == Kind.CITIZEN;
    }

    /** The citizen's Patient id; empty for other callers. */
    public Optional<String> patientId() {
        return isCitizen() ? Optional.of(identity.id()) : Optional.empty();
    }

    /** The practitioner's id; empty for other callers. */
    public Optional<String> practitionerId() {
        return identity.kind() == Kind.PRACTITIONER ? Optional.of(identity.id()) : Optional.empty();
    }

    public boolean isPatient(String patientId) {
        return isCitizen() && identity.id().equals(patientId);
    }

    public boolean isPractitioner(String practitionerId) {
        return identity.kind() == Kind.PRACTITIONER && identity.id().equals(practitionerId);
    }

    /** {@code Patient/<id>}, {@code Practitioner/<id>} or {@code Device/<client>}. */
    public String reference() {
        return switch (identity.kind()) {
            case CITIZEN -> "Patient/" + identity.id();
            case PRACTITIONER -> "Practitioner/" + identity.id();
            case SYSTEM -> "Device/" + identity.clientId();
        };
    }

    public String subject() {
        return identity.subject();
    }

    /** {@code azp}: the client that asked for the token; null when absent. */
    public String clientId() {
        return identity.clientId();
    }

    /** {@code act.client_id}: the clinic acting with a citizen's back-channel token. */
    public Optional<String> actingClient() {
        return identity.actingClient();
    }

    /** The client to hold accountable: the clinic behind a back-channel token, else {@code azp}. */
    public String accountableClient() {
        return identity.actingClient().orElse(identity.clientId());
    }

    /** As the audit trail names the user: {@code fhirUser} when present, else {@code sub}. */
    public String user() {
        return identity.kind() == Kind.SYSTEM ? identity.subject() : reference();
    }

    /** The token's {@code purpose_of_use} claim. */
    public Optional<String> purposeClaim() {
        return identity.purpose();
    }

    /** A citizen using their own token: no clinic acting with it. */
    public boolean isCitizenInPerson() {
        return isCitizen() && identity.actingClient().isEmpty();
    }

    public Optional<CitizenClaims> citizen() {
        return citizen;
    }

    public StaffProof staff() {
        return staff;
    }

    public Optional<String> acr() {
        return proof.acr();
    }

    public Optional<Instant> authTime() {
        return proof.authTime();
    }

    /** The level of assurance of the token's acr ({@code healthid.security.acr-levels}); 0 when unknown. */
    public int level() {
        return assurance.levelOf(proof.acr());
    }

    public GrantedScopes scopes() {
        return scopes;
    }

    /** Whether a scope for this kind of caller grants {@code interaction} on {@code type}. */
    public boolean may(Interaction interaction, String type) {
        for (ScopeContext context : identity.kind().contexts) {
            if (scopes.grants(context, type, interaction)) {
                return true;
            }
        }
        return false;
    }

    /** Confined to the citizen's own compartment (every citizen token, whatever its scopes). */
    public boolean confined() {
        return isCitizen();
    }

    /**
     * Returns when the token proves {@code level}; level 3 also needs the proof to be recent
     * ({@code healthid.security.recent-proof}). Otherwise throws the RFC 9470 step-up answer.
     */
    public void requireLevel(int level) {
        assurance.require(this, level);
    }

    /** A citizen's token below level 2 reaches no personal health data: the step-up answer. */
    public void requireHealthDataLevel() {
        assurance.requireForHealthData(this);
    }

    /** Throws 403 {@code SCOPE_INSUFFICIENT} unless {@link #may} holds. */
    public void require(Interaction interaction, String type) {
        if (!may(interaction, type)) {
            throw insufficientScope("no scope grants " + interaction.name().toLowerCase() + " on " + type);
        }
    }

    public static BridgeFhirException insufficientScope(String detail) {
        BridgeFhirException denied = new BridgeFhirException(BridgeError.SCOPE_INSUFFICIENT, detail);
        denied.addResponseHeader("WWW-Authenticate", "Bearer realm=\"fhir-bridge\", error=\"insufficient_scope\"");
        return denied;
    }

    @Override
    public String toString() {
        return "Caller[" + identity.kind() + " " + reference() + ", client=" + accountableClient() + "]";
    }

    /** The claims that name who calls, read once from the token. */
    public record Identity(
            Kind kind,
            String id,
            String subject,
            String clientId,
            Optional<String> actingClient,
            Optional<String> purpose) {}

    /** How and when the person proved who they are. */
    public record Proof(Optional<String> acr, Optional<Instant> authTime) {}
}
