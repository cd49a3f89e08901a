package io.signet.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and timeout settings of an {@link AuthsignalClient}. Immutable; build one with
 * {@link #builder()}. The defaults match authsignal-java: two retries, 200 ms then 400 ms apart.
 */
public final class AuthsignalClientOptions {
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    private AuthsignalClientOptions(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
    }

    /**
     * The default options.
     *
     * @return options with every default
     */
    public static AuthsignalClientOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many times a failed retryable call is repeated (0 turns retries off).
     *
     * @return the retry count
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before the first retry; each further retry waits twice as long as the one before.
     *
     * @return the first wait
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest wait between two attempts.
     *
     * @return the cap on the wait
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * How long opening a connection may take.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long one attempt may wait for the answer's headers.
     *
     * @return the per-request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Builds {@link AuthsignalClientOptions}; not thread-safe. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Sets how many times a failed retryable call is repeated; default 2.
         *
         * @param maxRetries 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the wait before the first retry; default 200 ms.
         *
         * @param initialBackoff zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets the longest wait between two attempts; default 5 s.
         *
         * @param maxBackoff zero or positive
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets how long opening a connection may take; default 10 s.
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long one attempt may wait for the answer; default 30 s.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public AuthsignalClientOptions build() {
            return new AuthsignalClientOptions(this);
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (notNegative(value, name).isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
