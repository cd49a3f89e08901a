package io.signet.user;

import java.util.List;

/**
 * What a user has enrolled, as getUser and track report it. {@code defaultMethod} may be null.
 */
public record Enrollment(List<VerificationMethod> enrolled, List<VerificationMethod> allowed,
                         VerificationMethod defaultMethod) {
    public Enrollment {
        enrolled = List.copyOf(enrolled);
        allowed = List.copyOf(allowed);
    }

    public boolean isEnrolled() {
        return !enrolled.isEmpty();
    }
}
