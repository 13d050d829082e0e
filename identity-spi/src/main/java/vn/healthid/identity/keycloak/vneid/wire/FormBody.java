package vn.healthid.identity.keycloak.vneid.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} with UTF-8, in the order given (HTML form encoding: space as '+'). */
public final class FormBody {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private FormBody() {}

    public static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value != null) {
                body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }
}
