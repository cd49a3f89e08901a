package io.signet.user;

import io.signet.store.Jdbc;
import java.util.List;
import java.util.Map;

/**
 * Reads a user's enrollment. A seam because the authenticator feature owns authenticators and depends on
 * users, not the other way round: it supplies the implementation at start-up.
 */
@FunctionalInterface
public interface EnrollmentView {
    /**
     * The user's enrollment, read in the caller's transaction so one request costs one transaction.
     * {@code preferredDefault} is the user's stored defaultVerificationMethod (null if none), which the
     * caller has already read with the user.
     */
    Enrollment enrollment(Jdbc jdbc, String tenantId, String userId, VerificationMethod preferredDefault);

    /**
     * The enrollments of several users by user id (each with its stored defaultVerificationMethod), read in
     * the caller's transaction: a page of queryUsers. The authenticator feature reads them in a fixed number
     * of queries however many users; this default, one user after the other, is for stand-ins.
     */
    default Map<String, Enrollment> enrollments(Jdbc jdbc, String tenantId, List<User> users) {
        Map<String, Enrollment> out = new java.util.HashMap<>();
        users.forEach(u -> out.put(u.userId(), enrollment(jdbc, tenantId, u.userId(), u.defaultVerificationMethod())));
        return out;
    }
}
