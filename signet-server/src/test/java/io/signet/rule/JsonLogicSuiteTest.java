package io.signet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The official JsonLogic suite (src/test/resources/jsonlogic/tests.json, see the README there): every
 * case is {@code [rule, data, expected]}; strings are section headings. Results compare as JSON values,
 * numbers by value (JavaScript has one number type).
 */
class JsonLogicSuiteTest {

    static Stream<Arguments> officialCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String section = "";
        for (JsonNode entry : suite()) {
            if (entry.isString()) {
                section = entry.stringValue();
                continue;
            }
            cases.add(Arguments.of(section + " #" + cases.size(), entry.get(0), entry.get(1), entry.get(2)));
        }
        return cases.stream();
    }

    private static JsonNode suite() throws IOException {
        try (InputStream in = JsonLogicSuiteTest.class.getResourceAsStream("/jsonlogic/tests.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void the_suite_is_the_full_official_one() throws IOException {
        assertThat(officialCases().count()).isEqualTo(277);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialCases")
    void official_case(String name, JsonNode rule, JsonNode data, JsonNode expected) {
        JsonNode actual = JsonLogic.apply(rule, data);
        assertThat(normalize(actual)).as("%s with %s", rule, data).isEqualTo(normalize(expected));
    }

    /** Numbers become doubles so 1 and 1.0 compare equal, as they are in JavaScript. */
    static Object normalize(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (n.isObject()) {
            java.util.Map<String, Object> out = new java.util.TreeMap<>();
            n.properties().forEach(e -> out.put(e.getKey(), normalize(e.getValue())));
            return out;
        }
        return n;
    }
}
