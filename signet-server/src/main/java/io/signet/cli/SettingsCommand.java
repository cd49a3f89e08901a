package io.signet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./signet settings}: shows a tenant's settings, or changes the ones given, through a running
 * server's admin API ({@code GET/PATCH /admin/v1/settings}).
 */
@Command(name = "settings", description = "Show or change tenant settings, including the Client API identity "
        + "(rpId, rpName, expectedOrigins); calls the admin API of a running server.")
public final class SettingsCommand implements Callable<Integer> {
    @Mixin
    AdminOptions admin;

    @Option(names = "--rp-id", description = "WebAuthn relying-party id, a host name such as example.com.")
    String rpId;

    @Option(names = "--rp-name", description = "Relying-party name browsers show.")
    String rpName;

    @Option(names = "--expected-origin", description = "A page origin allowed to use the Client API "
            + "(scheme://host[:port]); repeat for several. Replaces the list.")
    List<String> expectedOrigins;

    @Option(names = "--protect-last-authenticator", arity = "1", description = "true or false.")
    Boolean protectLastAuthenticator;

    @Option(names = "--recovery-codes-enabled", arity = "1", description = "true or false.")
    Boolean recoveryCodesEnabled;

    @Option(names = "--strict-phone-validation", arity = "1", description = "true or false.")
    Boolean strictPhoneValidation;

    @Option(names = "--allow-nested-custom-data", arity = "1", description = "true or false (the official Java "
            + "and .NET SDKs cannot read nested user custom data).")
    Boolean allowNestedCustomData;

    @Option(names = "--allow-weak-totp", arity = "1", description = "true or false (accept imported "
            + "authenticator-app secrets under 112 bits or periods over 60 s, with a warning).")
    Boolean allowWeakTotp;

    @Override
    public Integer call() {
        Map<String, Object> changes = new LinkedHashMap<>();
        AdminClient.putIfSet(changes, "rpId", rpId);
        AdminClient.putIfSet(changes, "rpName", rpName);
        AdminClient.putIfSet(changes, "expectedOrigins", expectedOrigins);
        AdminClient.putIfSet(changes, "protectLastAuthenticator", protectLastAuthenticator);
        AdminClient.putIfSet(changes, "recoveryCodesEnabled", recoveryCodesEnabled);
        AdminClient.putIfSet(changes, "strictPhoneValidation", strictPhoneValidation);
        AdminClient.putIfSet(changes, "allowNestedCustomData", allowNestedCustomData);
        AdminClient.putIfSet(changes, "allowWeakTotp", allowWeakTotp);
        return changes.isEmpty()
                ? admin.client().call("GET", "/admin/v1/settings", null, System.out, System.err)
                : admin.client().call("PATCH", "/admin/v1/settings", changes, System.out, System.err);
    }
}
