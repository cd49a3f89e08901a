package io.signet.challenge;

import io.signet.testing.Backend;

class ChallengesApiPostgresIT extends ChallengesApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
