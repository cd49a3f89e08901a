package io.signet.cli;

import picocli.CommandLine.Option;

/**
 * Options shared by tenant-level commands, which call a running server's admin API:
 * {@code --url} (env SIGNET_URL) and {@code --key} (env SIGNET_SECRET_KEY), {@code --json} for scripts.
 */
public final class AdminOptions {
    @Option(names = "--url", description = "Signet base URL (env SIGNET_URL, default http://127.0.0.1:8080).")
    String url;

    @Option(names = "--key", description = "Tenant secret key (env SIGNET_SECRET_KEY).")
    String key;

    @Option(names = "--json", description = "Print the raw JSON answer.")
    boolean json;

    public AdminClient client() {
        String base = url != null ? url : System.getenv().getOrDefault("SIGNET_URL", "http://127.0.0.1:8080");
        String secret = key != null ? key : System.getenv("SIGNET_SECRET_KEY");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("give the tenant secret key with --key or SIGNET_SECRET_KEY");
        }
        return new AdminClient(base, secret, json);
    }
}
