package io.signet.bench.jmh;

import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Hashing a tenant secret key: done on every authenticated request. */
@State(Scope.Benchmark)
public class SecretHashingBenchmark {
    private final SecretHasher hasher = new SecretHasher(RandomTokens.bytes(32));
    private final String key = "sk_" + RandomTokens.base64Url(32);

    @Benchmark
    public String hashTenantKey() {
        return hasher.hash("tenant-secret-key", key);
    }
}
