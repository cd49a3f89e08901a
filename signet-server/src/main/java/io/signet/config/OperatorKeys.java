package io.signet.config;

import io.signet.crypto.RandomTokens;
import java.util.Optional;

/**
 * Finds the operator key: {@code SIGNET_OPERATOR_KEY} when set; with SQLite and none, the file
 * {@code operator.key} beside the database (created on first start, readable by the owner only, like
 * {@code encryption.key}); with PostgreSQL and none, no key, so the operator API stays off.
 */
public final class OperatorKeys {
    private OperatorKeys() {
    }

    public static Optional<String> resolve(SignetConfig config) {
        if (config.operatorKey().isPresent() || config.isPostgres()) {
            return config.operatorKey();
        }
        return Optional.of(EncryptionKeys.readOrCreate(
                EncryptionKeys.keyFileBeside(config.databaseUrl()).resolveSibling("operator.key"),
                () -> "op_" + RandomTokens.base64Url(32)));
    }
}
