package io.signet.config;

/**
 * Every environment variable Signet reads. The README's configuration table lists the same rows;
 * {@code SignetConfigTest.every_config_component_has_a_setting_and_a_README_row} fails when a
 * {@link SignetConfig} component has no row here or a row has no README entry.
 */
public enum Setting {
    HOST("SIGNET_HOST", "127.0.0.1", false, "Address the HTTP server binds to."),
    PORT("SIGNET_PORT", "8080", false, "HTTP port; 0 picks a free one."),
    DATABASE_URL("SIGNET_DATABASE_URL", "jdbc:sqlite:signet-data/signet.db", false,
            "JDBC URL: jdbc:sqlite:FILE (created on first start) or jdbc:postgresql://HOST:PORT/DB?user=..."),
    ENCRYPTION_KEY("SIGNET_ENCRYPTION_KEY", null, true,
            "Base64 of 32 random bytes (openssl rand -base64 32). Encrypts secrets that must be read back. "
                    + "With SQLite and no key, one is generated beside the database file; required with PostgreSQL."),
    SECRET_KEY("SIGNET_SECRET_KEY", null, true,
            "Secret key of the default tenant created on first start; random and printed once when unset."),
    OPERATOR_KEY("SIGNET_OPERATOR_KEY", null, true,
            "Key of the operator API (/operator/v1: every tenant's lifecycle). With SQLite and no key, one is "
                    + "generated into operator.key beside the database file; with PostgreSQL and none, that API "
                    + "is off."),
    DEV_DELIVERY("SIGNET_DEV_DELIVERY", null, false,
            "'stdout' prints outgoing email/SMS to the log for local development. Never use in production."),
    LOG_LEVEL("SIGNET_LOG_LEVEL", "INFO", false, "Log level: ERROR, WARN, INFO, DEBUG or TRACE."),
    LOG_FORMAT("SIGNET_LOG_FORMAT", "text", false,
            "'text' (one readable line per event) or 'json' (one ECS JSON object per line, for log shippers)."),
    METRICS_PUBLIC("SIGNET_METRICS_PUBLIC", "false", false,
            "'true' serves Prometheus metrics at GET /metrics without authentication. Off by default, /metrics "
                    + "answers 404: request counts and timings by route are operational detail not for the internet."),
    METRICS_TENANT_LABEL("SIGNET_METRICS_TENANT_LABEL", "false", false,
            "'true' adds a tenant label (the tenant id) to the business metrics. Off by default: one series per "
                    + "tenant multiplies the metrics with many tenants. Never a user id."),
    ACCESS_LOG("SIGNET_ACCESS_LOG", "false", false,
            "'true' logs one INFO line per request (method, route, status, ms). Off by default: /metrics already "
                    + "counts and times every request by route and status, at a fraction of the cost."),
    DB_POOL_SIZE("SIGNET_DB_POOL_SIZE", "10", false, "Maximum PostgreSQL connections (SQLite always uses one writer)."),
    DB_TIMEOUT_MILLIS("SIGNET_DB_TIMEOUT_MILLIS", "10000", false,
            "Longest wait of one database call (a free connection, a lock, a connect, an answer); past it the "
                    + "request fails with 503 service_unavailable and /health answers 503, so an unreachable "
                    + "database does not pile up waiting requests. At least 1000."),
    PUBLIC_URL("SIGNET_PUBLIC_URL", null, false,
            "Base URL browsers reach Signet at, used in links such as track's url and magic links; "
                    + "default http://HOST:PORT."),
    CONFIG_FILE("SIGNET_CONFIG_FILE", null, false,
            "A file of 'key = value' lines (keys as these names or their lower-case form, e.g. port); the "
                    + "environment and flags win over it. Flag: --config."),
    MANAGEMENT_PORT("SIGNET_MANAGEMENT_PORT", null, false,
            "A second HTTP listener (on SIGNET_HOST) for /health, /health/live, /health/ready and /metrics; "
                    + "when set they are no longer on SIGNET_PORT."),
    MIGRATE_ON_START("SIGNET_MIGRATE_ON_START", "true", false,
            "'false' leaves migrations to ./signet migrate up: a node whose schema is behind refuses to start."),
    SHUTDOWN_TIMEOUT("SIGNET_SHUTDOWN_TIMEOUT", "20", false,
            "Seconds in-flight requests and background workers get to finish after SIGTERM."),
    PROXY_HEADERS("SIGNET_PROXY_HEADERS", "none", false,
            "'none', 'xforwarded' (X-Forwarded-For/-Proto/-Host) or 'forwarded' (RFC 7239): where the client "
                    + "address, scheme and host come from when the peer is in SIGNET_TRUSTED_PROXIES."),
    TRUSTED_PROXIES("SIGNET_TRUSTED_PROXIES", null, false,
            "Comma-separated CIDRs (10.0.0.0/8, ::1/128) of the proxies whose headers are believed; required "
                    + "when SIGNET_PROXY_HEADERS is not none."),
    SMTP_URL("SIGNET_SMTP_URL", null, true,
            "Mail server for email OTP and magic links: smtp://user:pass@host:587 (STARTTLS) or smtps://...:465."),
    SMTP_FROM("SIGNET_SMTP_FROM", null, false, "From address of outgoing mail; required with SIGNET_SMTP_URL."),
    SMTP_STARTTLS("SIGNET_SMTP_STARTTLS", "required", false,
            "STARTTLS on smtp:// URLs: 'required' (fail without TLS), 'optional' or 'off' (local test servers)."),
    SMS_TWILIO_ACCOUNT_SID("SIGNET_SMS_TWILIO_ACCOUNT_SID", null, false,
            "Twilio (or compatible) account SID for SMS and WhatsApp codes."),
    SMS_TWILIO_AUTH_TOKEN("SIGNET_SMS_TWILIO_AUTH_TOKEN", null, true, "Twilio auth token."),
    SMS_TWILIO_FROM("SIGNET_SMS_TWILIO_FROM", null, false,
            "Sender: an E.164 number, or a Messaging Service SID (MG...)."),
    SMS_TWILIO_URL("SIGNET_SMS_TWILIO_URL", "https://api.twilio.com", false,
            "Base URL of the Twilio-compatible Messages API."),
    OTP_TTL_SECONDS("SIGNET_OTP_TTL_SECONDS", "600", false,
            "Lifetime of an email/SMS/WhatsApp code and of an authenticator-app or recovery-code challenge."),
    MAGIC_LINK_TTL_SECONDS("SIGNET_MAGIC_LINK_TTL_SECONDS", "600", false, "Lifetime of an email magic link."),
    SEND_LIMIT_PER_USER("SIGNET_SEND_LIMIT_PER_USER", "10", false,
            "Challenges started or re-sent per user (or per recipient when no userId is given) per window."),
    SEND_LIMIT_PER_IP("SIGNET_SEND_LIMIT_PER_IP", "30", false,
            "Challenges started or re-sent per end-user ipAddress (as given in the challenge request; for the "
                    + "Client API, the caller's address) per window."),
    SEND_LIMIT_WINDOW_SECONDS("SIGNET_SEND_LIMIT_WINDOW_SECONDS", "600", false, "Window of the sending limits."),
    WEBHOOK_ALLOW_PRIVATE("SIGNET_WEBHOOK_ALLOW_PRIVATE", "false", false,
            "'true' lets webhooks go to loopback and private addresses, and over plain http to those only. "
                    + "Link-local (cloud metadata) addresses stay refused."),
    WEBHOOK_MAX_RETRIES("SIGNET_WEBHOOK_MAX_RETRIES", "3", false,
            "Retries of a failed asynchronous webhook delivery before it is marked FAILED."),
    WEBHOOK_RETRY_BASE_MILLIS("SIGNET_WEBHOOK_RETRY_BASE_MILLIS", "30000", false,
            "Delay before the first retry; each further retry waits twice as long, plus up to 50% jitter."),
    WEBHOOK_TIMEOUT_MILLIS("SIGNET_WEBHOOK_TIMEOUT_MILLIS", "5000", false,
            "Timeout of one webhook request; a synchronous action.verify call that times out vetoes."),
    WEBHOOK_POLL_MILLIS("SIGNET_WEBHOOK_POLL_MILLIS", "1000", false,
            "How often each node looks for due webhook deliveries in the outbox."),
    BOOTSTRAP_FILE("SIGNET_BOOTSTRAP_FILE", null, false,
            "A JSON file of tenants, app clients, rules, webhook endpoints and Client API settings, applied "
                    + "idempotently at every start (see examples/bootstrap.json).");

    private final String env;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Setting(String env, String defaultValue, boolean secret, String description) {
        this.env = env;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    public String env() {
        return env;
    }

    /**
     * The command-line flag that overrides the variable: SIGNET_DATABASE_URL becomes --database-url
     * ({@code --config} for the file itself, the name operators know from other servers).
     */
    public String flag() {
        return this == CONFIG_FILE ? "--config" : "--" + fileKey();
    }

    /** The lower-case name a config file may use instead of the variable's: SIGNET_DATABASE_URL is database-url. */
    public String fileKey() {
        return env.substring("SIGNET_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }
}
