package vn.healthid.identity.keycloak.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import vn.healthid.identity.keycloak.vneid.wire.VneidClaims;

class VneidIdentityTest {

    private static final VneidClaims CLAIMS =
            new VneidClaims("079203001234", "Nguyễn Văn An", LocalDate.of(2003, 3, 15), 2);

    private static BrokeredIdentityContext brokered() {
        IdentityProviderModel model = new IdentityProviderModel();
        model.setAlias("vneid");
        model.setEnabled(true);
        BrokeredIdentityContext context = new BrokeredIdentityContext("sub-1", model);
        context.setEmail("someone@example.vn");
        return context;
    }

    @Test
    void claimsTravelThroughTheBrokeredContextUnchanged() {
        BrokeredIdentityContext context = brokered();

        VneidIdentity.write(context, CLAIMS);

        assertThat(VneidIdentity.read(context)).contains(CLAIMS);
        assertThat(context.getLastName()).isEqualTo("Nguyễn");
        assertThat(context.getFirstName()).isEqualTo("Văn An");
    }

    @Test
    void dropsTheBrokeredEmailSoThatNothingMatchesOnIt() {
        BrokeredIdentityContext context = brokered();

        VneidIdentity.write(context, CLAIMS);

        assertThat(context.getEmail()).isNull();
    }

    @Test
    void brokeredIdAndUsernameBecomeThePatientIdNeverTheNationalId() {
        BrokeredIdentityContext context = brokered();
        VneidIdentity.write(context, CLAIMS);

        VneidIdentity.adoptPatientId(context, "pabc", "vneid");

        assertThat(context.getId()).isEqualTo("pabc");
        assertThat(context.getUsername()).isEqualTo("pabc");
        assertThat(context.getBrokerUserId()).isEqualTo("vneid.pabc");
    }

    @Test
    void aContextFromAnotherProviderCarriesNoVneidClaims() {
        assertThat(VneidIdentity.read(brokered())).isEmpty();
    }
}
