package vn.healthid.identity.keycloak.vneid.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthid.identity.keycloak.vneid.link.LinkDecision.Candidate;

class LinkDecisionTest {

    private static final Candidate CHIP_USER = new Candidate("u-chip", true, false);
    private static final Candidate VNEID2_USER = new Candidate("u-vneid", false, true);
    private static final Candidate UNPROVEN_USER = new Candidate("u-admin", false, false);

    @Test
    void createsAUserWhenNobodyHoldsTheNationalId() {
        assertThat(LinkDecision.decide(2, List.of())).isInstanceOf(LinkDecision.CreateUser.class);
    }

    @Test
    void linksALevelTwoLoginToTheOneChipVerifiedUser() {
        assertThat(LinkDecision.decide(2, List.of(CHIP_USER))).isEqualTo(new LinkDecision.LinkTo("u-chip"));
    }

    @Test
    void linksALevelTwoLoginToTheOneUserProvenByAnEarlierLevelTwoLogin() {
        assertThat(LinkDecision.decide(2, List.of(VNEID2_USER))).isEqualTo(new LinkDecision.LinkTo("u-vneid"));
    }

    @Test
    void refusesWhenTwoUsersHoldTheNationalId() {
        assertThat(LinkDecision.decide(2, List.of(CHIP_USER, VNEID2_USER)))
                .isInstanceOfSatisfying(
                        LinkDecision.Refuse.class, r -> assertThat(r.reason()).isEqualTo("VNEID_LINK_AMBIGUOUS"));
    }

    @Test
    void refusesToLinkToAUserWhoseNationalIdWasNeverProven() {
        assertThat(LinkDecision.decide(2, List.of(UNPROVEN_USER)))
                .isInstanceOfSatisfying(
                        LinkDecision.Refuse.class,
                        r -> assertThat(r.reason()).isEqualTo("VNEID_LINK_UNVERIFIED_ACCOUNT"));
    }

    @Test
    void refusesToLinkASelfRegisteredLevelOneLoginToAProvenUser() {
        assertThat(LinkDecision.decide(1, List.of(CHIP_USER)))
                .isInstanceOfSatisfying(
                        LinkDecision.Refuse.class, r -> assertThat(r.reason()).isEqualTo("VNEID_LINK_NEEDS_LEVEL_2"));
    }

    @Test
    void derivesSexFromTheFourthDigitOfTheNationalId() {
        assertThat(NewCitizenUser.genderOf("079203001234")).isEqualTo("male");
        assertThat(NewCitizenUser.genderOf("079303001234")).isEqualTo("female");
        assertThat(NewCitizenUser.genderOf("001099012345")).isEqualTo("male");
        assertThat(NewCitizenUser.genderOf("001199012345")).isEqualTo("female");
    }
}
