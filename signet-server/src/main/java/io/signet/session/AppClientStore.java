package io.signet.session;

import java.util.List;
import java.util.Optional;

/** Storage of app clients. An interface so the service reads as logic; {@link JdbcAppClientStore} serves both dialects. */
public interface AppClientStore {
    /** Inserts a new client. */
    void insert(AppClient client);

    /** The client with this id in this tenant. */
    Optional<AppClient> find(String tenantId, String clientId);

    /** The tenant's clients, oldest first. */
    List<AppClient> list(String tenantId);

    /** Replaces name and lifetimes; false when the client does not exist. */
    boolean update(AppClient client);

    /** Deletes the client and, by cascade, its sessions; false when absent. */
    boolean delete(String tenantId, String clientId);
}
