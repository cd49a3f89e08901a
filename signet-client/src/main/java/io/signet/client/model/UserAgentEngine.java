package io.signet.client.model;

/** The rendering engine of a parsed user agent. */
public class UserAgentEngine {
    /** The engine's name. */
    public String name;

    /** The engine's version. */
    public String version;

    /** Creates an instance with every field unset. */
    public UserAgentEngine() {
    }
}
