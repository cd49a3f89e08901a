package io.signet.challenge;

import io.signet.testing.Backend;

class ChallengesApiSqliteIT extends ChallengesApiContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
