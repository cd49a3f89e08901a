package io.signet.challenge;

import io.signet.testing.Backend;

class FactorChallengesPostgresIT extends FactorChallengesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
