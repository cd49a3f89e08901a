package io.signet.user;

/**
 * Reads a user's enrollment. A seam because the authenticator feature owns authenticators and depends on
 * users, not the other way round: it supplies the implementation at start-up.
 */
@FunctionalInterface
public interface EnrollmentView {
    Enrollment enrollment(String tenantId, String userId);
}
