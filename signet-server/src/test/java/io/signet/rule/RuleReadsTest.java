package io.signet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import org.junit.jupiter.api.Test;

class RuleReadsTest {
    private static boolean reads(String logic, String path) {
        return RuleReads.mayRead(Json.MAPPER.readTree(logic), path);
    }

    @Test
    void a_literal_var_reads_its_path_its_parents_and_children_only() {
        assertThat(reads("{\">\": [{\"var\": \"counts.actionsLastHour\"}, 5]}", "counts.actionsLastHour")).isTrue();
        assertThat(reads("{\">\": [{\"var\": \"counts.actionsLastHour\"}, 5]}", "counts.actionCodeLastHour")).isFalse();
        assertThat(reads("{\"!!\": {\"var\": \"counts\"}}", "counts.actionCodeLastHour")).isTrue();
        assertThat(reads("{\"!!\": {\"var\": [\"device.isKnown\", false]}}", "device.isKnown")).isTrue();
        assertThat(reads("{\"==\": [{\"var\": \"user.email\"}, \"a@b.c\"]}", "device.isKnown")).isFalse();
        assertThat(reads("{\"==\": [{\"var\": \"countsX\"}, 1]}", "counts.actionsLastHour")).isFalse();
    }

    @Test
    void whole_data_and_computed_paths_may_read_anything() {
        assertThat(reads("{\"!!\": {\"var\": \"\"}}", "device.isKnown")).isTrue();
        assertThat(reads("{\"!!\": {\"var\": []}}", "device.isKnown")).isTrue();
        assertThat(reads("{\"var\": {\"cat\": [\"counts.\", \"actionsLastHour\"]}}", "counts.actionsLastHour")).isTrue();
        assertThat(reads("{\"some\": [[1], {\"==\": [{\"var\": \"\"}, 1]}]}", "counts.actionsLastHour")).isTrue();
    }

    @Test
    void missing_and_missing_some_read_their_keys_and_nested_logic_is_searched() {
        assertThat(reads("{\"missing\": [\"device.isKnown\"]}", "device.isKnown")).isTrue();
        assertThat(reads("{\"missing\": [[\"a\", \"counts.actionsLastHour\"]]}", "counts.actionsLastHour")).isTrue();
        assertThat(reads("{\"missing_some\": [1, [\"a\", \"device.isKnown\"]]}", "device.isKnown")).isTrue();
        assertThat(reads("{\"missing_some\": [1, [\"a\", \"b\"]]}", "device.isKnown")).isFalse();
        assertThat(reads("{\"if\": [true, {\"and\": [1, {\"var\": \"device.isKnown\"}]}, 0]}", "device.isKnown")).isTrue();
        assertThat(reads("true", "device.isKnown")).isFalse();
    }
}
