package io.signet.user;

import io.signet.store.Jdbc;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of users. */
public interface UserStore {
    /** The user, if it exists. */
    Optional<User> find(String tenantId, String userId);

    /** The user, if it exists, read in the caller's transaction. */
    Optional<User> find(Jdbc jdbc, String tenantId, String userId);

    /** The users that exist among {@code userIds}, by id, read in the caller's transaction. */
    Map<String, User> findAll(Jdbc jdbc, String tenantId, Collection<String> userIds);

    /** Creates each absent user with no attributes, in one statement inside the caller's transaction. */
    void ensureAllExist(Jdbc jdbc, String tenantId, Collection<String> userIds, long now);

    /**
     * Creates the user if absent and applies the non-null changes, inside the caller's transaction. With
     * {@code lock}, the row stays locked until that transaction ends.
     */
    User upsert(Jdbc jdbc, String tenantId, String userId, UserChanges changes, long now, boolean lock);

    /** Deletes the user; everything the user owns goes with it (foreign keys cascade). False if absent. */
    boolean delete(String tenantId, String userId);

    /** Users matching every given filter, ordered by user id, at most {@code limit + 1} to detect a next page. */
    List<User> query(Jdbc jdbc, String tenantId, UserQuery query);
}
