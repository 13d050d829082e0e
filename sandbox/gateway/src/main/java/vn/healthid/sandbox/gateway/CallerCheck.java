package vn.healthid.sandbox.gateway;

import com.github.tomakehurst.wiremock.http.Request;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The token query parameters and the staff identity (hoTenCb / cccdCb) every lookup must carry. */
final class CallerCheck {

    private static final Pattern CCCD = Pattern.compile("^[0-9]{12}$");

    private final TokenRegistry tokens;
    private final Credentials credentials;

    CallerCheck(TokenRegistry tokens, Credentials credentials) {
        this.tokens = tokens;
        this.credentials = credentials;
    }

    /** Token from the query string (or, for form posts, the form). */
    boolean authenticated(Request request) {
        Function<String, String> param = name -> {
            var q = request.queryParameter(name);
            if (q != null && q.isPresent()) {
                return q.firstValue();
            }
            return isForm(request) ? formValue(request, name) : null;
        };
        return tokens.valid(param.apply("token"), param.apply("id_token"), param.apply("username"))
                && credentials.matches(param.apply("username"), param.apply("password"));
    }

    static boolean isForm(Request request) {
        var type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static String formValue(Request request, String name) {
        var f = request.formParameters().get(name);
        return f != null && f.isPresent() ? f.firstValue() : null;
    }

    /** Null when the staff identity is present and well formed, else why not. */
    static String staffProblem(String hoTenCb, String cccdCb) {
        if (hoTenCb == null || hoTenCb.isBlank()) {
            return "hoTenCb (staff name) is required";
        }
        if (cccdCb == null || !CCCD.matcher(cccdCb).matches()) {
            return "cccdCb (staff 12-digit CCCD number) is required";
        }
        return null;
    }
}
