package io.signet.config;

import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated configuration, built once at start-up by {@link #from(Map, List)}: environment variables
 * with the {@code SIGNET_} prefix, overridden by flags of the same name ({@code --port 9000}).
 */
public record SignetConfig(
        String host,
        int port,
        String databaseUrl,
        Optional<byte[]> encryptionKey,
        Optional<String> secretKey,
        Optional<String> operatorKey,
        Optional<String> devDelivery,
        String logLevel,
        String logFormat,
        boolean accessLog,
        boolean metricsPublic,
        boolean metricsTenantLabel,
        int dbPoolSize,
        Optional<String> publicUrl,
        Optional<String> configFile,
        Optional<Integer> managementPort,
        boolean migrateOnStart,
        java.time.Duration shutdownTimeout,
        String proxyHeaders,
        List<Cidr> trustedProxies,
        Optional<String> smtpUrl,
        Optional<String> smtpFrom,
        String smtpStarttls,
        Optional<String> smsTwilioAccountSid,
        Optional<String> smsTwilioAuthToken,
        Optional<String> smsTwilioFrom,
        String smsTwilioUrl,
        int otpTtlSeconds,
        int magicLinkTtlSeconds,
        int sendLimitPerUser,
        int sendLimitPerIp,
        int sendLimitWindowSeconds,
        boolean webhookAllowPrivate,
        int webhookMaxRetries,
        long webhookRetryBaseMillis,
        long webhookTimeoutMillis,
        long webhookPollMillis,
        long dbTimeoutMillis,
        Optional<java.nio.file.Path> bootstrapFile) {

    public SignetConfig {
        encryptionKey = encryptionKey.map(byte[]::clone);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * Reads every {@link Setting}: {@code --flag value} arguments win over {@code SIGNET_*} variables, which
     * win over the config file, which wins over the default (see {@link ConfigSources}); then validates.
     */
    public static SignetConfig from(Map<String, String> env, List<String> args) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (ConfigSources.Resolved r : ConfigSources.resolve(env, args)) {
            if (r.source() != ConfigSources.Source.DEFAULT && r.value() != null) {
                values.put(r.setting(), r.value());
            }
        }
        int port = parsePort(value(values, Setting.PORT));
        SignetConfig config = new SignetConfig(
                value(values, Setting.HOST),
                port,
                parseDatabaseUrl(value(values, Setting.DATABASE_URL)),
                Optional.ofNullable(values.get(Setting.ENCRYPTION_KEY)).map(SignetConfig::parseKey),
                Optional.ofNullable(values.get(Setting.SECRET_KEY)).map(SignetConfig::checkSecretKey),
                Optional.ofNullable(values.get(Setting.OPERATOR_KEY)).map(v -> checkKey(Setting.OPERATOR_KEY, v)),
                Optional.ofNullable(values.get(Setting.DEV_DELIVERY)).map(SignetConfig::parseDevDelivery),
                parseLogLevel(value(values, Setting.LOG_LEVEL)),
                DeliverySettings.oneOf(Setting.LOG_FORMAT, value(values, Setting.LOG_FORMAT).toLowerCase(
                        java.util.Locale.ROOT), "text", "json"),
                parseBoolean(Setting.ACCESS_LOG, value(values, Setting.ACCESS_LOG)),
                parseBoolean(Setting.METRICS_PUBLIC, value(values, Setting.METRICS_PUBLIC)),
                parseBoolean(Setting.METRICS_TENANT_LABEL, value(values, Setting.METRICS_TENANT_LABEL)),
                parsePositive(Setting.DB_POOL_SIZE, value(values, Setting.DB_POOL_SIZE)),
                optional(values, Setting.PUBLIC_URL).map(SignetConfig::parsePublicUrl),
                optional(values, Setting.CONFIG_FILE),
                OperationsSettings.managementPort(values.get(Setting.MANAGEMENT_PORT), port),
                parseBoolean(Setting.MIGRATE_ON_START, value(values, Setting.MIGRATE_ON_START)),
                OperationsSettings.shutdownTimeout(value(values, Setting.SHUTDOWN_TIMEOUT)),
                OperationsSettings.proxyHeaders(value(values, Setting.PROXY_HEADERS),
                        optional(values, Setting.TRUSTED_PROXIES)),
                OperationsSettings.trustedProxies(optional(values, Setting.TRUSTED_PROXIES)),
                optional(values, Setting.SMTP_URL).map(DeliverySettings::smtpUrl),
                DeliverySettings.smtpFrom(values.get(Setting.SMTP_URL), values.get(Setting.SMTP_FROM)),
                DeliverySettings.oneOf(Setting.SMTP_STARTTLS, value(values, Setting.SMTP_STARTTLS),
                        "required", "optional", "off"),
                optional(values, Setting.SMS_TWILIO_ACCOUNT_SID),
                optional(values, Setting.SMS_TWILIO_AUTH_TOKEN),
                DeliverySettings.twilioFrom(values.get(Setting.SMS_TWILIO_ACCOUNT_SID),
                        values.get(Setting.SMS_TWILIO_AUTH_TOKEN), values.get(Setting.SMS_TWILIO_FROM)),
                DeliverySettings.httpUrl(Setting.SMS_TWILIO_URL, value(values, Setting.SMS_TWILIO_URL)),
                parsePositive(Setting.OTP_TTL_SECONDS, value(values, Setting.OTP_TTL_SECONDS)),
                parsePositive(Setting.MAGIC_LINK_TTL_SECONDS, value(values, Setting.MAGIC_LINK_TTL_SECONDS)),
                parsePositive(Setting.SEND_LIMIT_PER_USER, value(values, Setting.SEND_LIMIT_PER_USER)),
                parsePositive(Setting.SEND_LIMIT_PER_IP, value(values, Setting.SEND_LIMIT_PER_IP)),
                parsePositive(Setting.SEND_LIMIT_WINDOW_SECONDS, value(values, Setting.SEND_LIMIT_WINDOW_SECONDS)),
                parseBoolean(Setting.WEBHOOK_ALLOW_PRIVATE, value(values, Setting.WEBHOOK_ALLOW_PRIVATE)),
                parseInt(Setting.WEBHOOK_MAX_RETRIES, value(values, Setting.WEBHOOK_MAX_RETRIES)),
                parsePositive(Setting.WEBHOOK_RETRY_BASE_MILLIS, value(values, Setting.WEBHOOK_RETRY_BASE_MILLIS)),
                parsePositive(Setting.WEBHOOK_TIMEOUT_MILLIS, value(values, Setting.WEBHOOK_TIMEOUT_MILLIS)),
                parsePositive(Setting.WEBHOOK_POLL_MILLIS, value(values, Setting.WEBHOOK_POLL_MILLIS)),
                atLeast(Setting.DB_TIMEOUT_MILLIS, value(values, Setting.DB_TIMEOUT_MILLIS), 1000),
                optional(values, Setting.BOOTSTRAP_FILE).map(java.nio.file.Path::of));
        if (config.webhookMaxRetries() < 0 || config.webhookMaxRetries() > 20) {
            throw new ConfigException("SIGNET_WEBHOOK_MAX_RETRIES must be between 0 and 20, got "
                    + config.webhookMaxRetries());
        }
        return config;
    }

    private static Optional<String> optional(Map<Setting, String> values, Setting s) {
        return Optional.ofNullable(values.get(s));
    }

    public boolean isPostgres() {
        return databaseUrl.startsWith("jdbc:postgresql:");
    }

    /** One line per setting with secrets masked, for the start-up log. */
    public String describe() {
        return "host=" + host + " port=" + port + " database=" + maskPassword(databaseUrl)
                + " encryptionKey=" + (encryptionKey.isPresent() ? "set" : "unset")
                + " secretKey=" + (secretKey.isPresent() ? "set" : "unset")
                + " operatorKey=" + (operatorKey.isPresent() ? "set" : "unset")
                + " devDelivery=" + devDelivery.orElse("off") + " logFormat=" + logFormat + " accessLog=" + accessLog + " metricsPublic="
                + metricsPublic + " metricsTenantLabel=" + metricsTenantLabel + " dbPoolSize=" + dbPoolSize
                + " smtp=" + (smtpUrl.isPresent() ? "set" : "unset")
                + " twilio=" + (smsTwilioAccountSid.isPresent() ? "set" : "unset")
                + " webhookAllowPrivate=" + webhookAllowPrivate + " webhookMaxRetries=" + webhookMaxRetries
                + " webhookRetryBaseMillis=" + webhookRetryBaseMillis + " webhookTimeoutMillis=" + webhookTimeoutMillis
                + " webhookPollMillis=" + webhookPollMillis + " managementPort=" + managementPort.map(String::valueOf)
                .orElse("none") + " migrateOnStart=" + migrateOnStart + " shutdownTimeout=" + shutdownTimeout.toSeconds()
                + "s proxyHeaders=" + proxyHeaders + " trustedProxies=" + trustedProxies
                + " dbTimeoutMillis=" + dbTimeoutMillis
                + " bootstrapFile=" + bootstrapFile.map(Object::toString).orElse("unset");
    }

    private static String value(Map<Setting, String> values, Setting s) {
        return values.getOrDefault(s, s.defaultValue());
    }

    private static int parsePort(String v) {
        int port = parseInt(Setting.PORT, v);
        if (port < 0 || port > 65535) {
            throw new ConfigException("SIGNET_PORT must be between 0 and 65535, got " + v);
        }
        return port;
    }

    static int parsePositive(Setting s, String v) {
        return atLeast(s, v, 1);
    }

    private static int atLeast(Setting s, String v, int min) {
        int n = parseInt(s, v);
        if (n < min) {
            throw new ConfigException(s.env() + " must be at least " + min + ", got " + v);
        }
        return n;
    }

    private static boolean parseBoolean(Setting s, String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(s.env() + " must be true or false, got '" + v + "'");
        };
    }

    private static int parseInt(Setting s, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(s.env() + " must be a whole number, got '" + v + "'");
        }
    }

    private static String parseDatabaseUrl(String v) {
        if (!v.startsWith("jdbc:sqlite:") && !v.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("SIGNET_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:, got "
                    + maskPassword(v));
        }
        return v;
    }

    private static byte[] parseKey(String v) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SIGNET_ENCRYPTION_KEY is not valid base64 (create one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new ConfigException("SIGNET_ENCRYPTION_KEY must decode to 32 bytes, got " + key.length
                    + " (create one with: openssl rand -base64 32)");
        }
        return key;
    }

    private static String checkSecretKey(String v) {
        return checkKey(Setting.SECRET_KEY, v);
    }

    /** A key sent as the HTTP Basic user name: long enough to guess, and nothing Basic cannot carry. */
    private static String checkKey(Setting setting, String v) {
        if (v.length() < 16) {
            throw new ConfigException(setting.env() + " must be at least 16 characters");
        }
        if (v.contains(":") || !v.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ConfigException(setting.env() + " may only contain printable ASCII without spaces or ':'");
        }
        return v;
    }

    private static String parseDevDelivery(String v) {
        if (!v.equals("stdout")) {
            throw new ConfigException("SIGNET_DEV_DELIVERY accepts only 'stdout', got '" + v + "'");
        }
        return v;
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped so paths can be appended. */
    private static String parsePublicUrl(String v) {
        try {
            java.net.URI uri = new java.net.URI(v);
            if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new java.net.URISyntaxException(v, "not a base URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("SIGNET_PUBLIC_URL must be an http or https URL without query, such as "
                    + "https://auth.example.com, got '" + v + "'");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static String parseLogLevel(String v) {
        String level = v.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(level)) {
            throw new ConfigException("SIGNET_LOG_LEVEL must be ERROR, WARN, INFO, DEBUG or TRACE, got '" + v + "'");
        }
        return level;
    }

    static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
