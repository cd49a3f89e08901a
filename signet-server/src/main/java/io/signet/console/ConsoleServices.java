package io.signet.console;

import io.signet.action.ActionService;
import io.signet.authenticator.AuthenticatorService;
import io.signet.crypto.SecretHasher;
import io.signet.rule.RuleService;
import io.signet.session.AppClientService;
import io.signet.session.SessionService;
import io.signet.tenant.TenantService;
import io.signet.user.UserService;
import io.signet.webhook.WebhookService;
import java.util.function.Supplier;

/**
 * What the console uses from the rest of the server, grouped so its constructor stays readable: the same
 * services the APIs call, never the database. {@code linkBase} is the public base URL (SIGNET_PUBLIC_URL,
 * else the bound address or a trusted proxy's), for the address the hosted page returns to.
 */
public record ConsoleServices(ConsoleSessions sessions, OperatorAccounts accounts, ConsoleSignIn signIn,
                              TenantService tenants, UserService users, AuthenticatorService authenticators,
                              ActionService actions, RuleService rules, WebhookService webhooks,
                              AppClientService appClients, SessionService userSessions, SecretHasher hasher,
                              Supplier<String> linkBase) {
}
