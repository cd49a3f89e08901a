package io.signet.wiring;

import io.signet.authenticator.AuthenticatorEnrollments;
import io.signet.authenticator.AuthenticatorStore;
import io.signet.authenticator.JdbcAuthenticatorStore;
import io.signet.console.ConsoleStore;
import io.signet.console.JdbcConsoleStore;
import io.signet.console.OperatorAccounts;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.export.UserExporter;
import io.signet.imports.UserImporter;
import io.signet.session.JdbcSigningKeyStore;
import io.signet.session.SigningKeys;
import io.signet.store.Database;
import io.signet.tenant.JdbcTenantSettingsStore;
import io.signet.tenant.JdbcTenantStore;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import io.signet.user.JdbcUserStore;
import io.signet.user.UserService;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The services that both the server ({@code SignetApp}) and the operator commands acting on SIGNET_DATABASE_URL
 * directly ({@code cli}) need, built here once so the two cannot wire them differently: a constructor change
 * has one place to follow. Building them does no I/O.
 *
 * @param publicUrl SIGNET_PUBLIC_URL, or the address the server binds (the tenants' default Client API
 *                  identity derives from it); null until that address is known
 */
public record CoreServices(Database db, SecretHasher hasher, Encryptor encryptor, TenantService tenants,
                           TenantSettingsService settings, AuthenticatorStore authenticatorStore, UserService users,
                           ConsoleStore consoleStore, OperatorAccounts operators, SigningKeys signingKeys,
                           Clock clock) {

    /** The services on {@code db}, with the data key {@code dataKey} (SIGNET_ENCRYPTION_KEY or its file). */
    public static CoreServices on(Database db, byte[] dataKey, Supplier<String> publicUrl, Clock clock) {
        SecretHasher hasher = new SecretHasher(dataKey);
        Encryptor encryptor = new Encryptor(dataKey);
        TenantSettingsService settings = new TenantSettingsService(db, new JdbcTenantSettingsStore(), clock,
                publicUrl);
        AuthenticatorStore authenticatorStore = new JdbcAuthenticatorStore();
        UserService users = new UserService(db, new JdbcUserStore(db), new AuthenticatorEnrollments(authenticatorStore),
                settings, clock);
        ConsoleStore consoleStore = new JdbcConsoleStore(db);
        return new CoreServices(db, hasher, encryptor, new TenantService(new JdbcTenantStore(db), hasher, encryptor,
                clock), settings, authenticatorStore, users, consoleStore,
                new OperatorAccounts(consoleStore, users, hasher, clock),
                new SigningKeys(new JdbcSigningKeyStore(db), encryptor, clock), clock);
    }

    /** Imports users into one tenant under its settings (the admin import route and {@code signet import}). */
    public UserImporter importer() {
        return new UserImporter(db, encryptor, hasher, settings::get, clock);
    }

    /** Exports users; secrets (TOTP seeds) only with {@code includeSecrets}. */
    public UserExporter exporter(boolean includeSecrets) {
        return new UserExporter(db, encryptor, hasher, includeSecrets);
    }
}
