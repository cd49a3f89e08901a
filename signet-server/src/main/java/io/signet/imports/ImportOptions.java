package io.signet.imports;

/**
 * How an import treats what it reads.
 *
 * @param dryRun            validate and decide every line, write nothing
 * @param skipRecoveryCodes import users without their recovery codes, instead of refusing lines whose codes
 *                          cannot be carried over (no hashes in the file, or hashes keyed with another data key)
 */
public record ImportOptions(boolean dryRun, boolean skipRecoveryCodes) {
}
