package vn.healthid.identity.keycloak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class ChipLoginPageTest {

    @Test
    void aStepUpPageNamesThePersonFamilyNameFirstAndNeverTheirUsername() {
        UserModel user = user("Nguyễn", "Văn An", "pabcdefghijklmnopqrstuvwxyz234567");

        assertThat(ChipLoginPage.displayName(user)).isEqualTo("Nguyễn Văn An").doesNotContain("pabcdef");
    }

    @Test
    void beforeAnyoneIsSignedInThePageNamesNobody() {
        assertThat(ChipLoginPage.displayName(null)).isEmpty();
        assertThat(ChipLoginPage.displayName(user(null, null, "pabcdefghijklmnopqrstuvwxyz234567")))
                .isEmpty();
    }

    private static UserModel user(String family, String given, String username) {
        return (UserModel) Proxy.newProxyInstance(
                UserModel.class.getClassLoader(),
                new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLastName" -> family;
                    case "getFirstName" -> given;
                    case "getUsername" -> username;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
