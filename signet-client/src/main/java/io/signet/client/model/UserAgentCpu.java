package io.signet.client.model;

/** The CPU of a parsed user agent. */
public class UserAgentCpu {
    /** The CPU architecture. */
    public String architecture;

    /** Creates an instance with every field unset. */
    public UserAgentCpu() {
    }
}
