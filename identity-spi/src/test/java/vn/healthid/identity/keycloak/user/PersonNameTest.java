package vn.healthid.identity.keycloak.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void familyNameComesFirstInAVietnameseFullName() {
        assertThat(PersonName.of("Nguyễn  Văn An")).isEqualTo(new PersonName("Nguyễn", "Văn An"));
    }

    @Test
    void singleWordNameIsTheFamilyName() {
        assertThat(PersonName.of("An")).isEqualTo(new PersonName("An", ""));
    }
}
