package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.action.ActionTokens;
import io.signet.crypto.SecretHasher;
import io.signet.wire.Json;
import io.signet.error.SignetException;
import io.signet.wire.WireTime;
import io.signet.rule.JsonLogic;
import io.signet.rule.JsonLogicException;
import io.signet.testing.FuzzValues;
import io.signet.user.Contacts;
import java.time.Clock;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * Every parser Signet owns, fed generated input (any text and near-valid values of its format):
 * it accepts, or refuses with its own 400 ({@link SignetException}) or rule error; no other exception escapes,
 * so no input can become a 500. The API fuzz test reaches the same parsers through HTTP.
 */
class ParsersFuzzTest {
    private static final ActionTokens TOKENS = new ActionTokens(new SecretHasher(new byte[32]), Clock.systemUTC());

    @Property(tries = 2000)
    void otpauth_uris_parse_or_are_a_400(@ForAll("text") String uri) {
        refusedOnlyAsA400(() -> OtpUri.parse(uri));
    }

    @Property(tries = 2000)
    void cose_keys_and_credential_ids_parse_or_are_a_400(@ForAll("base64Url") String id, @ForAll("coseKey") String key) {
        refusedOnlyAsA400(() -> PasskeyCredential.parse(id, key));
    }

    @Property(tries = 2000)
    void emails_and_phone_numbers_parse_or_are_a_400(@ForAll("text") String value) {
        refusedOnlyAsA400(() -> Contacts.email("email", value));
        refusedOnlyAsA400(() -> Contacts.phoneNumber("phoneNumber", value, true));
        refusedOnlyAsA400(() -> Contacts.phoneNumber("phoneNumber", value, false));
    }

    @Property(tries = 2000)
    void dates_parse_or_are_a_400(@ForAll("text") String value) {
        refusedOnlyAsA400(() -> WireTime.parse("fromDate", value));
    }

    @Property(tries = 2000)
    void tokens_verify_or_are_refused_without_throwing(@ForAll("text") String token) {
        assertThat(TOKENS.verify("tenant", token)).isEmpty();
    }

    @Property(tries = 500)
    void jsonlogic_rules_check_and_evaluate_or_fail_as_rule_errors_without_hanging(@ForAll("logic") JsonNode rule,
                                                                                   @ForAll("logic") JsonNode data) {
        long start = System.nanoTime();
        try {
            JsonLogic.check(rule);
            JsonLogic.apply(rule, data);
        } catch (JsonLogicException | SignetException expected) {
            // a rule error: stored rules report it, requests get a 400
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as(rule + " on " + data)
                .isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Provide
    Arbitrary<String> text() {
        return FuzzValues.text();
    }

    @Provide
    Arbitrary<String> base64Url() {
        return Arbitraries.oneOf(FuzzValues.text(), bytes());
    }

    /** Random bytes and CBOR maps shaped like COSE keys (kty, alg, crv, x, y, n, e), base64url-encoded. */
    @Provide
    Arbitrary<String> coseKey() {
        Arbitrary<String> cbor = Arbitraries.maps(Arbitraries.of(1, 3, -1, -2, -3, 4, 99),
                        Arbitraries.oneOf(Arbitraries.integers().between(-300, 300).map(i -> (Object) i),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(b -> (Object) b)))
                .ofMaxSize(6).map(m -> Base64.getUrlEncoder().withoutPadding().encodeToString(Cbor.map(m)));
        return Arbitraries.oneOf(cbor, bytes(), FuzzValues.text());
    }

    private static Arbitrary<String> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200)
                .map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    @Provide
    Arbitrary<JsonNode> logic() {
        return FuzzValues.json(3).map(v -> Json.MAPPER.valueToTree(v));
    }

    private static void refusedOnlyAsA400(Runnable parse) {
        try {
            parse.run();
        } catch (SignetException e) {
            assertThat(e.code().status()).as(e.description()).isEqualTo(400);
        }
    }
}
