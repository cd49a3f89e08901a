package io.signet.user;

import io.signet.store.Jdbc;

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
}
