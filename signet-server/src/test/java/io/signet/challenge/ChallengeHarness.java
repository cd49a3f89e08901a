package io.signet.challenge;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestCarrier;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import io.signet.text.UrlEncoding;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Signet wired to real delivery: GreenMail as its SMTP server (with a login) and {@link TestCarrier} as
 * its Twilio-compatible SMS carrier, on a {@link ManualClock}. Shared by the challenge and Client API suites.
 */
public final class ChallengeHarness implements AutoCloseable {
    static final String SMTP_USER = "signet";
    static final String SMTP_PASSWORD = "p@ss:word";
    static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_FROM = "+14155550100";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/magic-link/[A-Za-z0-9_-]+)");

    public final GreenMail mail;
    public final TestCarrier carrier;
    public final ManualClock clock;
    public final TestServer server;
    public final Api api;

    public ChallengeHarness(Backend backend, Path tempDir, Map<String, String> moreEnv) {
        this(backend, tempDir, moreEnv, java.time.Instant.now());
    }

    /** As above, with the clock starting at {@code start} (a fixed instant makes times repeatable). */
    public ChallengeHarness(Backend backend, Path tempDir, Map<String, String> moreEnv, java.time.Instant start) {
        clock = new ManualClock(start);
        mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        mail.setUser("no-reply@signet.test", SMTP_USER, SMTP_PASSWORD);
        carrier = new TestCarrier();
        Map<String, String> env = new HashMap<>(Map.of(
                "SIGNET_SMTP_URL", "smtp://" + SMTP_USER + ":p%40ss%3Aword@127.0.0.1:" + mail.getSmtp().getPort(),
                "SIGNET_SMTP_FROM", "Signet <no-reply@signet.test>",
                "SIGNET_SMTP_STARTTLS", "off",
                "SIGNET_SMS_TWILIO_ACCOUNT_SID", TWILIO_SID,
                "SIGNET_SMS_TWILIO_AUTH_TOKEN", "twilio-token",
                "SIGNET_SMS_TWILIO_FROM", TWILIO_FROM,
                "SIGNET_SMS_TWILIO_URL", carrier.baseUrl()));
        env.putAll(moreEnv);
        server = TestServer.start(backend, tempDir, env, clock);
        api = server.api();
    }

    public static String uid(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A fresh address, so each test reads only its own mail. */
    public static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A fresh mobile number. */
    public static String newPhone() {
        return "+6421" + (1_000_000 + io.signet.crypto.RandomTokens.nextInt(8_000_000));
    }

    /** Starts a challenge of {@code method} for action signIn sent to {@code contact}; returns its id. */
    String start(String method, String contactField, String contact) {
        return challenge(Map.of("verificationMethod", method, "action", "signIn", contactField, contact))
                .json().path("challengeId").asString();
    }

    ApiResponse challenge(Map<String, ?> body) {
        ApiResponse r = api.post("/v1/challenge", body);
        if (r.status() != 200) {
            throw new AssertionError("challenge failed: " + r);
        }
        return r;
    }

    ApiResponse verify(String challengeId, String code) {
        return api.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode", code));
    }

    /** The text of the newest mail to {@code to}, read from GreenMail. */
    public String lastMailTo(String to) {
        MimeMessage[] all = mail.getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            try {
                if (Arrays.stream(all[i].getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                    return all[i].getSubject() + "\n" + all[i].getContent();
                }
            } catch (MessagingException | IOException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail to " + to);
    }

    public int mailsTo(String to) {
        return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).count();
    }

    public static String codeIn(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no 6-digit code in: " + text);
        }
        return m.group(1);
    }

    public static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no magic link in: " + text);
        }
        return m.group(1);
    }

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    /** Opens a magic link as a browser would: the page (which alone changes nothing), then its button. */
    public static ApiResponse clickLink(String link) {
        ApiResponse page = new Api(link, null).get("");
        if (page.status() != 200) {
            return page;
        }
        return new Api(link, null).send("POST", "", "formToken=" + UrlEncoding.form(formToken(page)),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** The form token in a magic link's confirmation page. */
    public static String formToken(ApiResponse page) {
        Matcher m = FORM_TOKEN.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no confirmation form in: " + page.body());
        }
        return m.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }

    /** A 6-digit code that is not {@code code}. */
    public static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    long challengeRows() {
        return server.app().database().read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM challenges"));
    }

    public int attempts(String challengeId) {
        return server.app().database().read(jdbc -> jdbc.queryOne(
                "SELECT attempts FROM challenges WHERE challenge_id = ?", r -> r.intValue("attempts"), challengeId))
                .orElseThrow();
    }

    @Override
    public void close() {
        server.closeAndDropDatabase();
        carrier.close();
        mail.stop();
    }
}
