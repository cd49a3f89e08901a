package io.signet.client.model;

/** The browser of a parsed user agent. */
public class UserAgentBrowser {
    /** The browser's name. */
    public String name;

    /** The full version. */
    public String version;

    /** The major version. */
    public String major;

    /** Creates an instance with every field unset. */
    public UserAgentBrowser() {
    }
}
