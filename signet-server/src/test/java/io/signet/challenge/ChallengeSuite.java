package io.signet.challenge;

import io.signet.testing.Backend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Base of the challenge suites: one {@link ChallengeHarness} per test class on the subclass's backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChallengeSuite {
    @TempDir
    static Path tempDir;
    ChallengeHarness h;

    abstract Backend backend();

    /** Extra settings for this suite's server. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        h = new ChallengeHarness(backend(), tempDir, settings());
    }

    @AfterAll
    void stop() {
        h.close();
    }
}
