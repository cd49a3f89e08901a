package io.signet.http;

/** A feature's HTTP surface: it adds its endpoints to the router at start-up. */
public interface Routes {
    void register(Router router);
}
