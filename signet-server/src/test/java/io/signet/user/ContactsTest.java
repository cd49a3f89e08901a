package io.signet.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.http.SignetException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

    @ParameterizedTest
    @ValueSource(strings = {"+64270000000", "+64271234567", "+14155552671", "+447911123456"})
    void valid_E164_numbers_are_accepted_as_given(String phone) {
        assertThat(Contacts.phoneNumber("phoneNumber", phone)).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0270000000", "+1", "+64 27 abc", "64270000000", "+64-27-000-0000", "+0270000000",
            "+6427000000000000", "+999123456789", ""})
    void invalid_numbers_are_400_naming_the_field(String phone) {
        assertThatThrownBy(() -> Contacts.phoneNumber("phoneNumber", phone))
                .isInstanceOf(SignetException.class)
                .hasMessageContaining("phoneNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane.Smith+tag@sub.example.co.nz", "a@b.io"})
    void valid_addresses_are_accepted_as_given(String email) {
        assertThat(Contacts.email("email", email)).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "Jane <jane@example.com>", "a b@example.com",
            "jane@example.com, joe@example.com", " "})
    void invalid_addresses_are_400_naming_the_field(String email) {
        assertThatThrownBy(() -> Contacts.email("email", email))
                .isInstanceOf(SignetException.class)
                .hasMessageContaining("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane@Example.COM", " jane@example.com"})
    void normalised_addresses_match_however_they_were_capitalised(String email) {
        assertThat(Contacts.normalizeEmail(email)).isEqualTo("jane@example.com");
    }
}
