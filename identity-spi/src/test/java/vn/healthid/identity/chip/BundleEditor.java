package vn.healthid.identity.chip;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Edits a chip bundle's JSON the way a forger or a broken reader would. */
final class BundleEditor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root;

    BundleEditor(byte[] bundleJson) {
        try {
            this.root = (ObjectNode) JSON.readTree(bundleJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] file(String name) {
        return Base64.getDecoder().decode(root.get("files").get(name).asText());
    }

    BundleEditor file(String name, byte[] bytes) {
        ((ObjectNode) root.get("files")).put(name, Base64.getEncoder().encodeToString(bytes));
        return this;
    }

    BundleEditor fileText(String name, String text) {
        ((ObjectNode) root.get("files")).put(name, text);
        return this;
    }

    BundleEditor withoutFile(String name) {
        ((ObjectNode) root.get("files")).remove(name);
        return this;
    }

    BundleEditor challenge(String challenge) {
        root.put("challenge", challenge);
        return this;
    }

    BundleEditor aaSignature(byte[] signature) {
        root.put("aaSignature", Base64.getEncoder().encodeToString(signature));
        return this;
    }

    BundleEditor withoutAaSignature() {
        root.remove("aaSignature");
        return this;
    }

    byte[] aaSignature() {
        return Base64.getDecoder().decode(root.get("aaSignature").asText());
    }

    BundleEditor field(String name, String value) {
        root.put(name, value);
        return this;
    }

    byte[] json() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
