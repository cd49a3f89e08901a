package io.signet.testing;

/** The two storage backends every storage and API suite runs on. */
public enum Backend {
    SQLITE,
    POSTGRESQL
}
