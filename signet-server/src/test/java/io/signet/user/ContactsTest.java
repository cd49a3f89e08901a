package io.signet.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.error.SignetException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

    @ParameterizedTest
    @ValueSource(strings = {"+64270000000", "+14155552671", "+447911123456", "+123456789012", "+999123456789",
            "+12345678", "+123456789012345"})
    void any_number_in_E164_form_is_accepted_as_given(String phone) {
        assertThat(Contacts.phoneNumber("phoneNumber", phone)).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+64 27 000 0000", "+64-27-000-0000", " +64 (27) 000.0000 "})
    void separators_are_dropped_so_the_E164_form_is_kept(String phone) {
        assertThat(Contacts.phoneNumber("phoneNumber", phone)).isEqualTo("+64270000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0270000000", "+1", "+1234567", "+64 27 abc", "64270000000", "+0270000000",
            "+6427000000000000", "++64270000000", "+64/270000000", "", " "})
    void numbers_not_in_E164_form_are_400_naming_the_field(String phone) {
        assertThatThrownBy(() -> Contacts.phoneNumber("phoneNumber", phone))
                .isInstanceOf(SignetException.class)
                .hasMessageContaining("'phoneNumber' must be a phone number in E.164 format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+123456789012", "+999123456789"})
    void strict_validation_also_refuses_numbers_libphonenumber_does_not_know(String phone) {
        assertThatThrownBy(() -> Contacts.phoneNumber("phoneNumber", phone, true))
                .isInstanceOf(SignetException.class)
                .hasMessageContaining("strictPhoneValidation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+64270000000", "+14155552671", "+447911123456"})
    void strict_validation_accepts_valid_numbers(String phone) {
        assertThat(Contacts.phoneNumber("phoneNumber", phone, true)).isEqualTo(phone);
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
