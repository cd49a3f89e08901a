package io.signet.client.model;

/** The operating system of a parsed user agent. */
public class UserAgentOs {
    /** The OS name. */
    public String name;

    /** The OS version. */
    public String version;

    /** Creates an instance with every field unset. */
    public UserAgentOs() {
    }
}
