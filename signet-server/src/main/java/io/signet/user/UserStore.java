package io.signet.user;

import io.signet.store.Jdbc;
import java.util.List;
import java.util.Optional;

/** Storage of users. */
public interface UserStore {
    /** The user, if it exists. */
    Optional<User> find(String tenantId, String userId);

    /** The user, if it exists, read in the caller's transaction. */
    Optional<User> find(Jdbc jdbc, String tenantId, String userId);

    /** Creates the user with no attributes if absent, inside the caller's transaction. */
    void ensureExists(Jdbc jdbc, String tenantId, String userId, long now);

    /** Creates the user if absent and applies the non-null changes, inside the caller's transaction. */
    User upsert(Jdbc jdbc, String tenantId, String userId, UserChanges changes, long now);

    /** Deletes the user; everything the user owns goes with it (foreign keys cascade). False if absent. */
    boolean delete(String tenantId, String userId);

    /** Users matching every given filter, ordered by user id, at most {@code limit + 1} to detect a next page. */
    List<User> query(String tenantId, UserQuery query);
}
