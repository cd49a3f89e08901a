package io.signet.authenticator;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code webauthnCredential.parsedUserAgent} (docs/server-api.md §5.2 "webauthnCredential"), in the shape of the ua-parser-js
 * result Authsignal returns: {@code {ua, browser, device, engine, os, cpu}}, unknown parts omitted.
 *
 * <p>A small rule list of our own rather than a library: it only has to name what people register passkeys
 * with (the major browsers on Windows, macOS, iOS, Android, ChromeOS and Linux), and a wrong guess costs a
 * label in a UI, nothing more. The raw header is stored, so better rules apply to old passkeys too.
 */
public record ParsedUserAgent(String ua, Browser browser, Device device, Engine engine, Os os, Cpu cpu) {
    private static final int MAX_LENGTH = 512;

    public record Browser(String name, String version, String major) {
    }

    public record Device(String model, String type, String vendor) {
    }

    public record Engine(String name, String version) {
    }

    public record Os(String name, String version) {
    }

    public record Cpu(String architecture) {
    }

    /** First match wins, so the more specific Chromium derivatives come before Chrome, and Chrome before Safari. */
    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edge", "\\bEdg(?:e|A|iOS)?/([\\d.]+)"),
            new Rule("Opera", "\\bOPR/([\\d.]+)"),
            new Rule("Samsung Internet", "\\bSamsungBrowser/([\\d.]+)"),
            new Rule("Firefox", "\\b(?:Firefox|FxiOS)/([\\d.]+)"),
            new Rule("Chrome Headless", "\\bHeadlessChrome/([\\d.]+)"),
            new Rule("Chrome", "\\b(?:Chrome|CriOS)/([\\d.]+)"),
            new Rule("Mobile Safari", "\\bVersion/([\\d.]+).*\\bMobile/\\S+ Safari/"),
            new Rule("Safari", "\\bVersion/([\\d.]+).*\\bSafari/"));
    private static final Pattern WINDOWS = Pattern.compile("Windows NT ([\\d.]+)");
    private static final Pattern IOS = Pattern.compile("(?:iPhone|CPU) OS ([\\d_]+)");
    private static final Pattern MAC = Pattern.compile("Mac OS X ([\\d_.]+)");
    private static final Pattern ANDROID = Pattern.compile("Android ([\\d.]+)");
    private static final Pattern ANDROID_MODEL = Pattern.compile("Android [\\d.]+; (?:[a-z]{2}[-_][a-zA-Z]{2}; )?([^;)]+?)(?: Build/[^;)]*)?\\)");
    private static final Pattern WEBKIT = Pattern.compile("AppleWebKit/([\\d.]+)");
    private static final Pattern GECKO = Pattern.compile("rv:([\\d.]+)\\) Gecko/");

    private record Rule(String name, Pattern pattern) {
        Rule(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }

    /** The parsed header, or null when there is none. */
    public static ParsedUserAgent parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String ua = header.length() > MAX_LENGTH ? header.substring(0, MAX_LENGTH) : header;
        Browser browser = null;
        for (Rule r : BROWSERS) {
            Matcher m = r.pattern().matcher(ua);
            if (m.find()) {
                browser = new Browser(r.name(), m.group(1), m.group(1).split("\\.")[0]);
                break;
            }
        }
        return new ParsedUserAgent(ua, browser, device(ua), engine(ua, browser), os(ua), cpu(ua));
    }

    private static Os os(String ua) {
        Matcher m;
        if ((m = WINDOWS.matcher(ua)).find()) {
            return new Os("Windows", switch (m.group(1)) {
                case "10.0" -> "10";
                case "6.3" -> "8.1";
                case "6.2" -> "8";
                case "6.1" -> "7";
                default -> m.group(1);
            });
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return (m = IOS.matcher(ua)).find() ? new Os("iOS", m.group(1).replace('_', '.')) : new Os("iOS", null);
        }
        if ((m = MAC.matcher(ua)).find()) {
            return new Os("Mac OS", m.group(1).replace('_', '.'));
        }
        if ((m = ANDROID.matcher(ua)).find()) {
            return new Os("Android", m.group(1));
        }
        if (ua.contains("CrOS")) {
            return new Os("Chrome OS", null);
        }
        return ua.contains("Linux") ? new Os("Linux", null) : null;
    }

    private static Device device(String ua) {
        if (ua.contains("iPhone")) {
            return new Device("iPhone", "mobile", "Apple");
        }
        if (ua.contains("iPad")) {
            return new Device("iPad", "tablet", "Apple");
        }
        if (ua.contains("Macintosh")) {
            return new Device("Macintosh", null, "Apple");
        }
        if (ua.contains("Android")) {
            Matcher m = ANDROID_MODEL.matcher(ua);
            String model = m.find() && !m.group(1).equals("K") ? m.group(1).strip() : null;
            return new Device(model, ua.contains("Mobile") ? "mobile" : "tablet", null);
        }
        return null;
    }

    private static Engine engine(String ua, Browser browser) {
        Matcher m;
        if (browser != null && browser.name().matches("Chrome.*|Edge|Opera|Samsung Internet") && !ua.contains("iPhone")
                && !ua.contains("iPad")) {
            return new Engine("Blink", browser.version());
        }
        if ((m = WEBKIT.matcher(ua)).find()) {
            return new Engine("WebKit", m.group(1));
        }
        return (m = GECKO.matcher(ua)).find() ? new Engine("Gecko", m.group(1)) : null;
    }

    private static Cpu cpu(String ua) {
        if (ua.matches(".*\\b(?:x86_64|x64|Win64|WOW64|amd64)\\b.*")) {
            return new Cpu("amd64");
        }
        if (ua.matches(".*\\b(?:aarch64|arm64)\\b.*")) {
            return new Cpu("arm64");
        }
        return ua.matches(".*\\b(?:i[3-6]86)\\b.*") ? new Cpu("ia32") : null;
    }
}
