package vn.healthid.identity.keycloak.service;

import vn.healthid.identity.chip.Proof;

/**
 * The acr value and level of authentication (LoA) each chip proof earns. The realm's acr-to-LoA map must hold
 * the same pairs (sandbox/realms/health-realm.json does).
 */
public record ChipLevels(String acrActive, int loaActive, String acrPassive, int loaPassive) {

    public static final String DEFAULT_ACR_ACTIVE = "urn:vn:healthid:acr:chip-aa";
    public static final String DEFAULT_ACR_PASSIVE = "urn:vn:healthid:acr:chip-pa";

    public ChipLevels {
        if (loaPassive >= loaActive) {
            // A copy of the files proves nothing about the chip: passive-only must stay below active.
            throw new IllegalArgumentException("loa-passive must be lower than loa-active");
        }
    }

    public Level forProof(Proof proof) {
        return switch (proof) {
            case PASSIVE_AND_ACTIVE -> new Level(acrActive, loaActive);
            case PASSIVE_ONLY -> new Level(acrPassive, loaPassive);
            case NONE -> throw new IllegalArgumentException("no level without a proof");
        };
    }

    public record Level(String acr, int loa) {}
}
