package io.signet.client.model;

/** A parsed user agent. */
public class UserAgent {
    /** The raw user-agent string. */
    public String ua;

    /** The browser. */
    public UserAgentBrowser browser;

    /** The device. */
    public UserAgentDevice device;

    /** The rendering engine. */
    public UserAgentEngine engine;

    /** The operating system. */
    public UserAgentOs os;

    /** The CPU. */
    public UserAgentCpu cpu;

    /** Creates an instance with every field unset. */
    public UserAgent() {
    }
}
