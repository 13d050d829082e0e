package vn.healthid.identity.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A public client of the health realm without a minimum level: the patient portal's copy with no
 * {@code minimum.acr.value}, so that a test can make a level-1 login (a chip's files only) that the sandbox's
 * health-data clients no longer accept. Created once per Keycloak through the admin API.
 */
public final class LevelOneClient {

    public static final String ID = "level-one-it";

    private LevelOneClient() {}

    public static synchronized String ensure(KeycloakServer server) {
        Oidc oidc = new Oidc(server);
        if (!oidc.adminGet("/clients?clientId=" + ID).isEmpty()) {
            return ID;
        }
        JsonNode portal = oidc.adminGet("/clients?clientId=patient-portal").get(0);
        ObjectNode client = ((ObjectNode) portal).deepCopy();
        client.remove(List.of("id", "name"));
        client.withArray("protocolMappers").forEach(m -> ((ObjectNode) m).remove("id"));
        client.put("clientId", ID);
        client.putArray("redirectUris").add("http://127.0.0.1/" + ID + "/callback");
        ((ObjectNode) client.get("attributes")).remove("minimum.acr.value");
        int status = oidc.adminPost("/clients", client.toString());
        if (status != 201) {
            throw new IllegalStateException("could not create " + ID + ": " + status);
        }
        return ID;
    }
}
