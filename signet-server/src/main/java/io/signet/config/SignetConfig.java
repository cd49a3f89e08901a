package io.signet.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        Optional<java.nio.file.Path> bootstrapFile) {

    public SignetConfig {
        encryptionKey = encryptionKey.map(byte[]::clone);
    }

    /**
     * Variables that belong to other programs, not to the server: the CLI's {@code SIGNET_URL} and the
     * launcher's {@code SIGNET_JVM_FLAGS} (the JVM options ./signet starts the server with).
     */
    private static final java.util.Set<String> READ_ELSEWHERE = java.util.Set.of("SIGNET_URL", "SIGNET_JVM_FLAGS");

    /** Reads every {@link Setting} from {@code env}, lets {@code --flag value} arguments win, validates. */
    public static SignetConfig from(Map<String, String> env, List<String> args) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = env.get(s.env());
            if (v != null && !v.isBlank()) {
                values.put(s, v.trim());
            }
        }
        for (String name : env.keySet()) {
            if (name.startsWith("SIGNET_") && Arrays.stream(Setting.values()).noneMatch(s -> s.env().equals(name))
                    && !READ_ELSEWHERE.contains(name) && !name.startsWith("SIGNET_TEST_")) {
                throw new ConfigException("Unknown setting " + name + ". Known settings: " + knownNames());
            }
        }
        applyFlags(values, args);
        SignetConfig config = new SignetConfig(
                value(values, Setting.HOST),
                parsePort(value(values, Setting.PORT)),
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
                + " webhookPollMillis=" + webhookPollMillis + " bootstrapFile=" + bootstrapFile.map(Object::toString)
                .orElse("unset");
    }

    private static void applyFlags(Map<Setting, String> values, List<String> args) {
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("Unexpected argument '" + arg + "'");
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Optional<Setting> setting = Arrays.stream(Setting.values()).filter(s -> s.flag().equals(name)).findFirst();
            if (setting.isEmpty()) {
                throw new ConfigException("Unknown option " + name + ". Settings can be given as: "
                        + Arrays.stream(Setting.values()).map(Setting::flag).collect(Collectors.joining(", ")));
            }
            String v;
            if (arg.contains("=")) {
                v = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < rest.size()) {
                v = rest.get(++i);
            } else {
                throw new ConfigException("Flag " + name + " needs a value");
            }
            values.put(setting.get(), v.trim());
        }
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
        int n = parseInt(s, v);
        if (n < 1) {
            throw new ConfigException(s.env() + " must be at least 1, got " + v);
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

    private static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String knownNames() {
        return Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.joining(", "));
    }
}
