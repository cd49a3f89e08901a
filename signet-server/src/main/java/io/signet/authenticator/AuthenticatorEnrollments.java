package io.signet.authenticator;

import io.signet.store.Jdbc;
import io.signet.user.Enrollment;
import io.signet.user.EnrollmentView;
import io.signet.user.User;
import io.signet.user.VerificationMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users feature's view of enrollment (getUser, queryUsers, track): the methods a user has enrolled,
 * the methods the tenant allows and the default. Recovery codes are a fallback, not an enrolled method
 * (docs/server-api.md §7.2.1 "getAuthenticators"), so they never count here.
 */
public final class AuthenticatorEnrollments implements EnrollmentView {
    private final AuthenticatorStore store;

    public AuthenticatorEnrollments(AuthenticatorStore store) {
        this.store = store;
    }

    /**
     * The default is the user's {@code defaultVerificationMethod} (set by updateUser or by enrolling with
     * {@code isDefault}) when that method is enrolled, else the first method enrolled.
     */
    @Override
    public Enrollment enrollment(Jdbc jdbc, String tenantId, String userId, VerificationMethod preferredDefault) {
        return enrollment(store.enrolledMethods(jdbc, tenantId, List.of(userId)).getOrDefault(userId, List.of()),
                preferredDefault);
    }

    @Override
    public Map<String, Enrollment> enrollments(Jdbc jdbc, String tenantId, List<User> users) {
        Map<String, List<VerificationMethod>> enrolled = store.enrolledMethods(jdbc, tenantId,
                users.stream().map(User::userId).toList());
        Map<String, Enrollment> out = new HashMap<>();
        users.forEach(u -> out.put(u.userId(), enrollment(enrolled.getOrDefault(u.userId(), List.of()),
                u.defaultVerificationMethod())));
        return out;
    }

    private static Enrollment enrollment(List<VerificationMethod> enrolled, VerificationMethod preferredDefault) {
        VerificationMethod defaultMethod = preferredDefault != null && enrolled.contains(preferredDefault)
                ? preferredDefault
                : enrolled.isEmpty() ? null : enrolled.getFirst();
        return new Enrollment(enrolled, EnrollmentRequests.ENROLLABLE, defaultMethod);
    }
}
