package io.signet.authenticator;

import java.util.List;

/**
 * Batch enroll's answer. {@code total}, {@code succeeded}, {@code failed} and {@code failures} are the
 * contract (docs/server-api.md §7.2.3 "Batch enroll", .NET reads them); {@code results} is Signet's addition: one entry per
 * item, in request order, with the item's index and its authenticator or error.
 */
record BatchEnrollResponse(int total, int succeeded, int failed, List<Failure> failures, List<ItemResult> results) {

    /** A failed item as the contract describes it; {@code credentialId} only for passkeys. */
    record Failure(String userId, String credentialId, String errorCode, String errorDescription) {
    }

    /**
     * Outcome of the item at {@code index}: {@code authenticator} when it succeeded, the error otherwise;
     * {@code warning} as on {@link EnrollResponse}.
     */
    record ItemResult(int index, String userId, boolean success, UserAuthenticator authenticator,
                      String errorCode, String errorDescription, String warning) {
    }

    static BatchEnrollResponse of(List<ItemResult> results, List<Failure> failures) {
        int failed = failures.size();
        return new BatchEnrollResponse(results.size(), results.size() - failed, failed, failures, results);
    }
}
