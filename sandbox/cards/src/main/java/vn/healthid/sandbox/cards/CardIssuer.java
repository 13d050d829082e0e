package vn.healthid.sandbox.cards;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Personalises synthetic CCCD chips: LDS files, an SOD from the sandbox PKI, an AA key, an optional fault. */
public final class CardIssuer {

    private final SandboxPki pki;

    public CardIssuer(SandboxPki pki) {
        this.pki = Objects.requireNonNull(pki, "pki");
    }

    public Card issue(Citizen citizen, CardSpec spec) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(spec, "spec");
        if (spec.fault() == CardFault.AA_KEY_MISMATCH && spec.aaKey() == AaKey.NONE) {
            throw new IllegalArgumentException("AA_KEY_MISMATCH needs a card with an AA key");
        }
        Citizen holder = CardFaults.holder(citizen, spec.fault(), pki);
        KeyPair aaKeys = aaKeys(holder, spec.aaKey(), "aa");
        Dg13Layout layout = spec.dg13LayoutFor(citizen);

        SortedMap<Integer, byte[]> groups = new TreeMap<>();
        groups.put(LdsFiles.DG1, LdsFiles.dg1(holder, CardFaults.mrzNumber(holder, spec.fault())));
        groups.put(LdsFiles.DG2, LdsFiles.dg2(holder));
        groups.put(LdsFiles.DG13, Dg13Encoder.encode(holder, layout));
        if (spec.aaKey().isEc()) {
            groups.put(LdsFiles.DG14, LdsFiles.dg14EcdsaPlainSha256());
        }
        if (aaKeys != null) {
            groups.put(LdsFiles.DG15, LdsFiles.dg15(aaKeys.getPublic()));
        }

        DocumentSigner signer = CardFaults.signer(spec.fault(), pki);
        SodBuilder sodBuilder = new SodBuilder(new CmsSigner(pki.certificates("sod/" + holder.number())));
        byte[] sod = sodBuilder.build(spec.digestAlgorithm(), groups, signer, pki.now());
        if (spec.fault() == CardFault.BAD_SOD_SIGNATURE) {
            sod = SodCorruption.corruptSignature(sod);
        }
        Citizen onCard = holder;
        if (spec.fault() == CardFault.TAMPERED_DG13) {
            onCard = CardFaults.tampered(holder);
            groups.put(LdsFiles.DG13, Dg13Encoder.encode(onCard, layout));
        }

        KeyPair chipKeys =
                spec.fault() == CardFault.AA_KEY_MISMATCH ? aaKeys(holder, spec.aaKey(), "aa-other") : aaKeys;
        return new Card(onCard, files(groups, sod), spec.aaKey(), chipKeys == null ? null : chipKeys.getPrivate());
    }

    private KeyPair aaKeys(Citizen holder, AaKey aaKey, String purpose) {
        return aaKey == AaKey.NONE ? null : pki.keys(purpose + "/" + holder.number(), aaKey.keySpec());
    }

    private static Map<String, byte[]> files(SortedMap<Integer, byte[]> groups, byte[] sod) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("COM", LdsFiles.com(new ArrayList<>(groups.keySet())));
        files.put("SOD", sod);
        groups.forEach((number, bytes) -> files.put("DG" + number, bytes));
        return files;
    }
}
