package io.signet.user;

import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.tenant.TenantSettings;
import io.signet.tenant.TenantSettingsService;
import io.signet.wire.WireTime;
import io.signet.text.BoundedText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users: read with their enrollment, partial update (upsert), delete with everything they own, query.
 * Other features create users inside their own transactions through {@link #ensureUser}.
 */
public final class UserService {
    static final int MAX_CUSTOM_BYTES = 16 * 1024;
    private static final int MAX_TEXT_LENGTH = 255;
    private static final Pattern LOCALE = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$");

    private final Database db;
    private final UserStore store;
    private final EnrollmentView enrollments;
    private final TenantSettingsService settings;
    private final Clock clock;

    public UserService(Database db, UserStore store, EnrollmentView enrollments, TenantSettingsService settings, Clock clock) {
        this.db = db;
        this.store = store;
        this.enrollments = enrollments;
        this.settings = settings;
        this.clock = clock;
    }

    /** getUser: an unknown user is not an error but an unenrolled user (docs/server-api.md §7.1.1 "getUser"). */
    public UserResponse get(String tenantId, String userId) {
        return db.read(jdbc -> {
            Optional<User> user = store.find(jdbc, tenantId, userId);
            Enrollment e = enrollments.enrollment(jdbc, tenantId, userId,
                    user.map(User::defaultVerificationMethod).orElse(null));
            return user
                    .map(u -> new UserResponse(u.userId(), e.isEnrolled(), u.email(), u.emailVerified(),
                            u.phoneNumber(), u.phoneNumberVerified(), u.username(), u.displayName(), u.custom(),
                            e.enrolled(), e.allowed(), e.defaultMethod()))
                    .orElseGet(() -> new UserResponse(userId, false, null, false, null, false, null, null, null,
                            List.of(), e.allowed(), null));
        });
    }

    /** The user's enrollment, in its own read transaction. */
    public Enrollment enrollment(String tenantId, String userId) {
        return db.read(jdbc -> enrollments.enrollment(jdbc, tenantId, userId,
                store.find(jdbc, tenantId, userId).map(User::defaultVerificationMethod).orElse(null)));
    }

    public Optional<User> find(String tenantId, String userId) {
        return store.find(tenantId, userId);
    }

    /** The user, if it exists, read in the caller's transaction. */
    public Optional<User> find(Jdbc jdbc, String tenantId, String userId) {
        return store.find(jdbc, tenantId, userId);
    }

    /** updateUser: validates everything first, then writes only the fields sent. Creates unknown users. */
    public UserAttributesResponse update(String tenantId, String userId, UserAttributesRequest request) {
        UserChanges changes = validate(tenantId, request);
        User user = db.write(jdbc -> store.upsert(jdbc, tenantId, userId, changes, clock.millis(), false));
        return UserAttributesResponse.of(user);
    }

    /** Creates the user if absent and applies {@code changes}, in the caller's transaction. */
    public User ensureUser(Jdbc jdbc, String tenantId, String userId, UserChanges changes) {
        return store.upsert(jdbc, tenantId, userId, changes, clock.millis(), false);
    }

    /**
     * {@link #ensureUser}, and the user's row stays locked until the caller's transaction ends, serialising
     * decisions about one user (PostgreSQL; SQLite's single writer already excludes every other writer).
     */
    public User ensureLockedUser(Jdbc jdbc, String tenantId, String userId, UserChanges changes) {
        return store.upsert(jdbc, tenantId, userId, changes, clock.millis(), true);
    }

    /** Creates those of the users that do not exist yet, with no attributes, in the caller's transaction. */
    public void ensureUsers(Jdbc jdbc, String tenantId, Collection<String> userIds) {
        store.ensureAllExist(jdbc, tenantId, userIds, clock.millis());
    }

    /** The users that exist among {@code userIds}, by id, as the caller's transaction sees them. */
    public Map<String, User> findAll(Jdbc jdbc, String tenantId, Collection<String> userIds) {
        return store.findAll(jdbc, tenantId, userIds);
    }

    /** deleteUser: irreversible; authenticators, actions, challenges and sessions cascade in one statement. */
    public void delete(String tenantId, String userId) {
        store.delete(tenantId, userId);
    }

    public QueryUsersResponse query(String tenantId, UserQuery query) {
        return db.read(jdbc -> query(jdbc, tenantId, query));
    }

    /** queryUsers in the caller's read transaction: one page in two queries, however many users it holds. */
    QueryUsersResponse query(Jdbc jdbc, String tenantId, UserQuery query) {
        List<User> page = store.query(jdbc, tenantId, query);
        boolean more = page.size() > query.limit();
        List<User> shown = page.subList(0, Math.min(page.size(), query.limit()));
        Map<String, Enrollment> enrollment = enrollments.enrollments(jdbc, tenantId, shown);
        List<QueryUsersResponse.Item> items = new ArrayList<>();
        for (User u : shown) {
            Enrollment e = enrollment.get(u.userId());
            items.add(new QueryUsersResponse.Item(u.userId(), u.email(), u.emailVerified(), u.phoneNumber(),
                    u.phoneNumberVerified(), u.username(), u.displayName(), e.isEnrolled(), e.enrolled(),
                    WireTime.iso(u.createdAt())));
        }
        return new QueryUsersResponse(items, more ? items.getLast().userId() : null);
    }

    /**
     * Turns request attributes into changes under the tenant's settings, or a 400 naming the first bad field.
     * Writes nothing.
     */
    public UserChanges validate(String tenantId, UserAttributesRequest r) {
        return validate(r, settings.get(tenantId));
    }

    /** {@link #validate(String, UserAttributesRequest)} under given settings (also for users restored by an import). */
    public static UserChanges validate(UserAttributesRequest r, TenantSettings s) {
        return new UserChanges(
                r.email() == null || r.email().isEmpty() ? r.email() : Contacts.email("email", r.email()),
                r.emailVerified(),
                r.phoneNumber() == null || r.phoneNumber().isEmpty()
                        ? r.phoneNumber() : Contacts.phoneNumber("phoneNumber", r.phoneNumber(), s.strictPhoneValidation()),
                r.phoneNumberVerified(),
                text("username", r.username()),
                text("displayName", r.displayName()),
                userCustom(r.custom(), s.allowNestedCustomData()),
                locale(r.locale()),
                defaultMethod(r.defaultVerificationMethod()));
    }

    static String text(String field, String value) {
        return BoundedText.optional(field, value, MAX_TEXT_LENGTH);
    }

    /**
     * {@code custom} must be a JSON object of at most 16 KiB. PHP encodes an empty array as {@code []},
     * which therefore means an empty object (docs/server-api.md §2.4 "Request bodies").
     */
    public static ObjectNode custom(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray() && value.isEmpty()) {
            return io.signet.wire.Json.MAPPER.createObjectNode();
        }
        if (!value.isObject()) {
            throw SignetException.invalid("'" + field + "' must be a JSON object.");
        }
        int size = value.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_CUSTOM_BYTES) {
            throw SignetException.invalid("'" + field + "' must be at most 16 KiB of JSON, got " + size + " bytes.");
        }
        return (ObjectNode) value;
    }

    /**
     * A user's {@code custom}: a {@link #custom} object whose values are strings, numbers, booleans or null,
     * unless the tenant allows more. The official Java and .NET SDKs read a user's custom as a map of strings
     * ({@code GetUserResponse.custom}, {@code ValidateSessionUser.custom}): a nested object or array makes
     * their getUser and validateSession throw for that user on every call, so it is refused before it is
     * stored (docs/server-api.md §2.5 "Responses").
     */
    static ObjectNode userCustom(JsonNode value, boolean allowNested) {
        ObjectNode custom = custom("custom", value);
        if (custom != null && !allowNested) {
            for (Map.Entry<String, JsonNode> field : custom.properties()) {
                if (field.getValue().isContainer()) {
                    throw SignetException.invalid("'custom." + field.getKey() + "' is " + (field.getValue().isArray()
                            ? "an array" : "an object") + "; a user's custom values must be strings, numbers or "
                            + "booleans, because the official Java and .NET SDKs read a user's custom as a map of "
                            + "strings and would fail to read this user. Flatten it (for example 'address.city'), "
                            + "or turn on the tenant setting allowNestedCustomData if only SDKs that read nested "
                            + "values are used.");
                }
            }
        }
        return custom;
    }

    private static String locale(String value) {
        if (value != null && !value.isEmpty() && !LOCALE.matcher(value).matches()) {
            throw SignetException.invalid("'locale' must be a BCP 47 language tag such as en or en-NZ.");
        }
        return value;
    }

    private static VerificationMethod defaultMethod(String value) {
        if (value == null) {
            return null;
        }
        VerificationMethod m = VerificationMethod.parse(value);
        if (m == null) {
            throw SignetException.invalid("'defaultVerificationMethod' must be one of SMS, EMAIL_OTP, "
                    + "EMAIL_MAGIC_LINK, AUTHENTICATOR_APP, PASSKEY, WHATSAPP.");
        }
        return m;
    }
}
