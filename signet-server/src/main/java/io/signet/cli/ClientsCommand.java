package io.signet.cli;

import io.signet.session.AppClientRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signet clients ...}: app clients through a running server's admin API ({@code /admin/v1/clients}). */
@Command(name = "clients", description = "Manage app clients, the audiences of session tokens.",
        subcommands = {ClientsCommand.Create.class, ClientsCommand.ListClients.class, ClientsCommand.Get.class,
                ClientsCommand.Update.class, ClientsCommand.Delete.class})
public final class ClientsCommand extends CommandGroup {
    private static final String PATH = "/admin/v1/clients";

    /** The options create and update share. */
    static final class Lifetimes {
        @Option(names = "--access-token-lifetime", paramLabel = "SECONDS",
                description = "Access-token lifetime, 60 to 86400 seconds (default 600 on create).")
        Long access;

        @Option(names = "--refresh-token-lifetime", paramLabel = "SECONDS",
                description = "Idle lifetime of a session's refresh token, in seconds (default 2592000 on create).")
        Long refresh;
    }

    @Command(name = "create", description = "Create an app client and print it, with its clientId.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Mixin
        Lifetimes lifetimes;

        @Option(names = "--name", required = true, description = "Client name.")
        String name;

        @Override
        public Integer call() {
            return admin.client().call("POST", PATH, new AppClientRequest(name, lifetimes.access, lifetimes.refresh),
                    System.out, System.err);
        }
    }

    @Command(name = "list", description = "List the tenant's app clients.")
    static final class ListClients implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return admin.client().call("GET", PATH, null, System.out, System.err);
        }
    }

    /** Commands on one client: {@code CLIENT_ID} as the parameter. */
    abstract static class OnClient implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "CLIENT_ID")
        String clientId;

        int send(String method, Object body) {
            return admin.client().call(method, PATH + "/" + clientId, body, System.out, System.err);
        }
    }

    @Command(name = "get", description = "Show one app client.")
    static final class Get extends OnClient {
        @Override
        public Integer call() {
            return send("GET", null);
        }
    }

    @Command(name = "update", description = "Change an app client's name or lifetimes.")
    static final class Update extends OnClient {
        @Mixin
        Lifetimes lifetimes;

        @Option(names = "--name", description = "New name.")
        String name;

        @Override
        public Integer call() {
            return send("PATCH", new AppClientRequest(name, lifetimes.access, lifetimes.refresh));
        }
    }

    @Command(name = "delete", description = "Delete an app client; its sessions end at once.")
    static final class Delete extends OnClient {
        @Override
        public Integer call() {
            return send("DELETE", null);
        }
    }
}
