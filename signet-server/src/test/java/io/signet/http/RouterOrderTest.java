package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoints reach Javalin most specific first, so no feature has to register before another. */
class RouterOrderTest {
    private static List<String> sorted(String... paths) {
        List<String> out = new ArrayList<>(List.of(paths));
        out.sort(Router::bySpecificity);
        return out;
    }

    @Test
    void a_literal_segment_goes_before_a_parameter_in_the_same_place_whatever_the_order_added() {
        assertThat(sorted("/v1/users/{userId}", "/v1/users/authenticators"))
                .containsExactly("/v1/users/authenticators", "/v1/users/{userId}");
        assertThat(sorted("/v1/users/authenticators", "/v1/users/{userId}"))
                .containsExactly("/v1/users/authenticators", "/v1/users/{userId}");
    }

    @Test
    void literal_then_literal_with_parameter_then_parameter_then_wildcard() {
        assertThat(sorted("/v1/*", "/v1/{p}", "/v1/challenges{javaQuery}", "/v1/challenges"))
                .containsExactly("/v1/challenges", "/v1/challenges{javaQuery}", "/v1/{p}", "/v1/*");
    }

    @Test
    void equally_specific_paths_keep_the_order_they_were_added_in() {
        assertThat(sorted("/v1/users/{userId}", "/v1/rules/{ruleId}"))
                .containsExactly("/v1/users/{userId}", "/v1/rules/{ruleId}");
        assertThat(sorted("/v1/rules/{ruleId}", "/v1/users/{userId}"))
                .containsExactly("/v1/rules/{ruleId}", "/v1/users/{userId}");
    }

    @Test
    void among_paths_that_rank_the_same_so_far_the_shorter_goes_first() {
        assertThat(sorted("/v1/users/{userId}/authenticators", "/v1/users/{userId}"))
                .containsExactly("/v1/users/{userId}", "/v1/users/{userId}/authenticators");
    }
}
