package io.signet.imports.keycloak;

import io.signet.error.SignetException;
import io.signet.user.Contacts;
import io.signet.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Keycloak UserRepresentation turned into one line of Signet's export format (docs/export-schema.json),
 * everything it cannot carry going to the report. The userId is Keycloak's user id, the {@code sub} of the
 * tokens Keycloak issued, so applications keep their user references.
 *
 * <p>Disabled users are not imported: Signet has no disabled state, and importing one would let a user an
 * administrator locked out of Keycloak authenticate again. They are reported, to be enabled in Keycloak and
 * exported again, or deliberately left behind.
 */
final class KeycloakUsers {
    /** Attributes that become user fields rather than custom data. */
    private static final List<String> PHONE = List.of("phoneNumber", "phone_number");
    private static final List<String> PHONE_VERIFIED = List.of("phoneNumberVerified", "phone_number_verified");
    private static final String LOCALE = "locale";
    /** Roles every Keycloak user holds, which say nothing about this one. */
    private static final Set<String> BUILT_IN_ROLES = Set.of("offline_access", "uma_authorization");

    private final KeycloakCredentials credentials;
    private final Consumer<NotCarried> report;
    private final Instant fallbackTime;
    private boolean carriedPasskey;

    /** {@code fallbackTime}: the creation time of users and credentials whose export has none. */
    KeycloakUsers(KeycloakCredentials credentials, Consumer<NotCarried> report, Instant fallbackTime) {
        this.credentials = credentials;
        this.report = report;
        this.fallbackTime = fallbackTime;
    }

    /** True once a passkey was carried over: the RP ID notice then matters. */
    boolean carriedPasskey() {
        return carriedPasskey;
    }

    /** The user's line, or null when the user is not imported (reported). */
    ObjectNode map(long line, JsonNode user) {
        String id = KeycloakCredentials.text(user, "id");
        String username = KeycloakCredentials.text(user, "username");
        BiConsumer<String, String> left = (what, why) -> report.accept(new NotCarried(line, id, username, what, why));
        if (id == null) {
            left.accept("user", "The user has no 'id'; the export is damaged.");
            return null;
        }
        if (!user.path("enabled").asBoolean(true)) {
            left.accept("user (disabled)", "Disabled in Keycloak, and Signet has no disabled state: "
                    + "importing would let the user authenticate again. Enable the user in Keycloak and export "
                    + "again to bring them over.");
            return null;
        }
        String client = KeycloakCredentials.text(user, "serviceAccountClientId");
        if (client != null) {
            left.accept("user (service account)", "The service account of client '" + client
                    + "' is a client's identity, not a person's; it has nothing to authenticate in Signet.");
            return null;
        }
        Instant created = user.path("createdTimestamp").isNumber()
                ? Instant.ofEpochMilli(user.path("createdTimestamp").asLong()) : fallbackTime;
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("schemaVersion", 1);
        out.put("userId", id);
        contacts(user, out, left);
        if (username != null) {
            out.put("username", username);
        }
        String first = KeycloakCredentials.text(user, "firstName");
        String last = KeycloakCredentials.text(user, "lastName");
        String display = String.join(" ", java.util.stream.Stream.of(first, last).filter(s -> s != null).toList());
        if (!display.isEmpty()) {
            out.put("displayName", display);
        }
        ObjectNode custom = custom(user, first, last, left);
        if (!custom.isEmpty()) {
            out.set("custom", custom);
        }
        String locale = single(user.path("attributes").path(LOCALE));
        if (locale != null) {
            out.put("locale", locale);
        }
        out.put("createdAt", created.toString());
        out.put("updatedAt", created.toString());
        ArrayNode authenticators = out.putArray("authenticators");
        int index = 0;
        for (JsonNode credential : KeycloakCredentials.inCreationOrder(user.path("credentials"))) {
            switch (credentials.map(credential, id, username, index++, created)) {
                case KeycloakCredentials.Carried c -> {
                    authenticators.add(c.authenticator());
                    carriedPasskey |= c.authenticator().has("passkey");
                }
                case KeycloakCredentials.Left l -> left.accept(l.what(), l.reason());
            }
        }
        unsupportedLinks(user, left);
        return out;
    }

    private static void contacts(JsonNode user, ObjectNode out, BiConsumer<String, String> left) {
        String email = KeycloakCredentials.text(user, "email");
        boolean emailKept = false;
        if (email != null) {
            try {
                out.put("email", Contacts.email("email", email));
                emailKept = true;
            } catch (SignetException e) {
                left.accept("email", "'" + email + "' is not an email address Signet accepts; the user "
                        + "is imported without it.");
            }
        }
        out.put("emailVerified", emailKept && user.path("emailVerified").asBoolean(false));
        JsonNode attributes = user.path("attributes");
        String phone = null;
        boolean verified = false;
        for (String name : PHONE) {
            String raw = single(attributes.path(name));
            if (raw != null && phone == null) {
                try {
                    phone = Contacts.phoneNumber(name, raw);
                } catch (SignetException e) {
                    left.accept("attribute " + name, "'" + raw + "' is not in E.164 form (+ and the "
                            + "country code, e.g. +64270000000); the user is imported without a phone number.");
                }
            }
        }
        for (String name : PHONE_VERIFIED) {
            verified |= "true".equalsIgnoreCase(single(attributes.path(name)));
        }
        if (phone != null) {
            out.put("phoneNumber", phone);
        }
        out.put("phoneNumberVerified", phone != null && verified);
    }

    /**
     * firstName, lastName and every other single-valued attribute, as strings: the official SDKs read a user's
     * custom data as a map of strings, so a multi-valued attribute is reported instead of nested.
     */
    private static ObjectNode custom(JsonNode user, String first, String last, BiConsumer<String, String> left) {
        ObjectNode custom = Json.MAPPER.createObjectNode();
        if (first != null) {
            custom.put("firstName", first);
        }
        if (last != null) {
            custom.put("lastName", last);
        }
        for (Map.Entry<String, JsonNode> e : user.path("attributes").properties()) {
            String name = e.getKey();
            if (PHONE.contains(name) || PHONE_VERIFIED.contains(name) || name.equals(LOCALE)) {
                continue;
            }
            String value = single(e.getValue());
            if (value != null) {
                custom.put(name, value);
            } else if (e.getValue().size() > 1) {
                left.accept("attribute " + name, "It has " + e.getValue().size() + " values; Signet's "
                        + "custom data holds one string per name.");
            }
        }
        return custom;
    }

    /** Logins brokered by other providers, groups and roles: Keycloak's, reported so nobody counts on them. */
    private static void unsupportedLinks(JsonNode user, BiConsumer<String, String> left) {
        for (JsonNode link : user.path("federatedIdentities")) {
            left.accept("identity provider link", "Sign-in through '"
                    + link.path("identityProvider").asString("?") + "' is brokered by Keycloak; Signet does not "
                    + "federate logins, so the user signs in with the factors carried over.");
        }
        List<String> access = new ArrayList<>();
        user.path("groups").forEach(g -> access.add("group " + g.asString()));
        user.path("realmRoles").forEach(r -> {
            if (!BUILT_IN_ROLES.contains(r.asString()) && !r.asString().startsWith("default-roles-")) {
                access.add("role " + r.asString());
            }
        });
        for (Map.Entry<String, JsonNode> client : user.path("clientRoles").properties()) {
            client.getValue().forEach(r -> access.add("role " + client.getKey() + "/" + r.asString()));
        }
        if (!access.isEmpty()) {
            left.accept("groups and roles", "Signet authenticates and does not authorise: "
                    + String.join(", ", access) + " stay in Keycloak or move to your application.");
        }
        List<String> actions = new ArrayList<>();
        user.path("requiredActions").forEach(a -> actions.add(a.asString()));
        if (!actions.isEmpty()) {
            left.accept("required actions", "Pending Keycloak required actions " + actions
                    + " are steps of Keycloak's login flow; Signet does not run them.");
        }
    }

    /** The value of a Keycloak attribute (a list of strings) when it has exactly one non-blank value. */
    private static String single(JsonNode values) {
        JsonNode one = values.isArray() && values.size() == 1 ? values.get(0) : values;
        return one.isString() && !one.asString().isBlank() ? one.asString() : null;
    }
}
