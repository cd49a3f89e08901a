package io.signet.challenge;

import io.signet.text.UrlEncoding;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Email over SMTP with Jakarta Mail (Eclipse Angus). {@code smtps://} is implicit TLS; {@code smtp://}
 * uses STARTTLS as {@code SIGNET_SMTP_STARTTLS} says. Server certificates are checked against the JVM
 * trust store and the host name. One connection per message: codes are rare and a pool would need a
 * lifecycle of its own.
 */
public final class SmtpSender implements Sender {
    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final InternetAddress from;

    public SmtpSender(String smtpUrl, String from, String starttls) {
        URI uri = URI.create(smtpUrl);
        this.protocol = uri.getScheme();
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : protocol.equals("smtps") ? 465 : 587;
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        this.user = userInfo == null ? null
                : UrlEncoding.decodeComponent(colon < 0 ? userInfo : userInfo.substring(0, colon));
        this.password = colon < 0 ? null : UrlEncoding.decodeComponent(userInfo.substring(colon + 1));
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("SIGNET_SMTP_FROM is not a valid address", e);
        }
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", host);
        p.put(prefix + "port", Integer.toString(port));
        p.put(prefix + "auth", Boolean.toString(user != null));
        p.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        p.put(prefix + "timeout", TIMEOUT_MILLIS);
        p.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        p.put(prefix + "ssl.checkserveridentity", "true");
        if (protocol.equals("smtp")) {
            p.put(prefix + "starttls.enable", Boolean.toString(!starttls.equals("off")));
            p.put(prefix + "starttls.required", Boolean.toString(starttls.equals("required")));
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Message message) {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(from);
            mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), true));
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.text(), "UTF-8");
            mail.setSentDate(Date.from(Instant.now()));
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(host, port, user, password);
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP delivery to " + host + ":" + port + " failed: " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
