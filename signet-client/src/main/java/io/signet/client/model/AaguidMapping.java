package io.signet.client.model;

/** The name and icons of an authenticator model. */
public class AaguidMapping {
    /** The model's name. */
    public String name;

    /** Icon for light backgrounds, as a data URL. */
    public String svgIconLight;

    /** Icon for dark backgrounds, as a data URL. */
    public String svgIconDark;

    /** Creates an instance with every field unset. */
    public AaguidMapping() {
    }
}
