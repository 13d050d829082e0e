package vn.healthid.sandbox.cards;

/** One defect built into a card on purpose; each is caught by exactly one check of the verifier. */
public enum CardFault {
    /** A valid card. */
    NONE,
    /** DG13 changed after the SOD was signed: its hash no longer matches. */
    TAMPERED_DG13,
    /** The SOD's signature bytes are corrupted; content and hashes are intact. */
    BAD_SOD_SIGNATURE,
    /** The Document Signer was issued by a CSCA that is in no trust list. */
    UNKNOWN_CSCA,
    /** The Document Signer's validity ended before the SOD's signing time. */
    EXPIRED_DS,
    /** Signed by the Document Signer that the CSCA's CRL revokes. */
    REVOKED_DS,
    /** DG15 holds one key, the chip answers with another. */
    AA_KEY_MISMATCH,
    /** The number's year digits disagree with the date of birth (DG1 and DG13 agree). */
    NUMBER_DOB_MISMATCH,
    /** The number's century/sex digit disagrees with the sex. */
    NUMBER_SEX_MISMATCH,
    /** The date of expiry is in the past; otherwise a valid card. */
    EXPIRED_CARD,
    /** DG1's optional data carries another 12-digit number (province digits changed; document number intact). */
    DG1_NUMBER_MISMATCH
}
