package vn.healthid.sandbox.cards;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A signing certificate with its private key (a Document Signer or the master-list signer). */
record DocumentSigner(X509Certificate certificate, PrivateKey privateKey) {}
