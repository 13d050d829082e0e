package vn.healthid.identity.chip;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parses EF.SOD and compares each presented data group's hash with the SOD's (constant time). A presented group the
 * SOD does not hash fails, and so does an EF.COM whose data-group list differs from the SOD's.
 */
final class DataGroupHashCheck {

    private final SodParser parser = new SodParser();

    CheckResult run(Verification v) {
        try {
            v.sod = parser.parse(v.file("SOD"));
        } catch (MalformedException e) {
            return failed(e.reason(), Map.of("file", "SOD", "detail", e.getMessage()));
        }
        Optional<String> digestName = Algorithms.digest(v.sod.ldsDigestAlgorithm());
        if (digestName.isEmpty()) {
            return failed(
                    ReasonCode.DIGEST_ALGORITHM_NOT_ALLOWED,
                    Map.of(
                            "algorithm",
                            v.sod.ldsDigestAlgorithm().getAlgorithm().getId()));
        }
        MessageDigest digest;
        try {
            // The JDK's own SHA implementations (intrinsics); only signatures need Bouncy Castle.
            digest = MessageDigest.getInstance(digestName.get());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + digestName.get(), e);
        }
        Map<String, String> checked = new TreeMap<>();
        CheckResult firstFault = null;
        Set<String> mismatched = new TreeSet<>();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(v.bundle.files()).entrySet()) {
            int number = DataGroups.numberOfFile(file.getKey());
            if (number < 0) {
                continue;
            }
            byte[] stored = v.sod.hashes().get(number);
            if (stored == null) {
                return failed(ReasonCode.DG_HASH_MISSING, Map.of("dataGroup", file.getKey()));
            }
            byte[] computed = digest.digest(file.getValue());
            if (!MessageDigest.isEqual(stored, computed)) {
                mismatched.add(file.getKey());
                if (firstFault == null) {
                    HexFormat hex = HexFormat.of();
                    firstFault = failed(
                            ReasonCode.DG_HASH_MISMATCH,
                            Map.of(
                                    "dataGroup", file.getKey(),
                                    "stored", hex.formatHex(stored),
                                    "computed", hex.formatHex(computed)));
                }
                continue;
            }
            checked.put(file.getKey(), "ok");
        }
        if (firstFault != null) {
            // Every tampered group is named, the first with both hashes.
            Map<String, String> evidence = new TreeMap<>(firstFault.evidence());
            evidence.put("mismatched", String.join(",", mismatched));
            return failed(ReasonCode.DG_HASH_MISMATCH, evidence);
        }
        byte[] com = v.file("COM");
        if (com != null) {
            try {
                Set<Integer> listed = Com.dataGroups(com);
                if (!listed.equals(new TreeSet<>(v.sod.hashes().keySet()))) {
                    return failed(
                            ReasonCode.COM_SOD_MISMATCH,
                            Map.of(
                                    "com",
                                    listed.toString(),
                                    "sod",
                                    new TreeSet<>(v.sod.hashes().keySet()).toString()));
                }
            } catch (MalformedException e) {
                return failed(e.reason(), Map.of("file", "COM", "detail", e.getMessage()));
            }
        }
        checked.put("algorithm", digestName.get());
        return CheckResult.succeeded(Check.DATA_GROUP_HASHES, checked);
    }

    private static CheckResult failed(ReasonCode reason, Map<String, String> evidence) {
        return CheckResult.failed(Check.DATA_GROUP_HASHES, reason, evidence);
    }
}
