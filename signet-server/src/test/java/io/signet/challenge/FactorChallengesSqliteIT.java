package io.signet.challenge;

import io.signet.testing.Backend;

class FactorChallengesSqliteIT extends FactorChallengesContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
