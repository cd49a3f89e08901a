package io.signet.client.model;

/** The device of a parsed user agent. */
public class UserAgentDevice {
    /** The device model. */
    public String model;

    /** The device type. */
    public String type;

    /** The vendor. */
    public String vendor;

    /** Creates an instance with every field unset. */
    public UserAgentDevice() {
    }
}
