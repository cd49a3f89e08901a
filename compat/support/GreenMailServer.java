// GreenMail, the SMTP server the Java suites use, for the compat suite: run as a single-file program
// (`java -cp <greenmail classpath> GreenMailServer.java`) by greenmail.mjs. It receives Signet's mail on an
// SMTP port of its own and answers GET /messages?to=<address> with the text of every mail to that address,
// oldest first, as a JSON array of strings, so a test reads a code from a mailbox, not from Signet's log.
// It prints "GreenMail smtp=<port> http=<port>" once both listen, and stops when its stdin closes.
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

public class GreenMailServer {
    public static void main(String[] args) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        mail.setUser(args[0], args[1], args[2]);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/messages", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String to = query == null || !query.startsWith("to=") ? ""
                    : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
            byte[] body = json(textsTo(mail, to)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        System.out.println("GreenMail smtp=" + mail.getSmtp().getPort() + " http=" + http.getAddress().getPort());
        System.out.flush();
        // The test process holds stdin open while it needs the server; its exit (or a crash) ends this one too.
        while (System.in.read() != -1) {
            // nothing is read from stdin; it only tells when to stop
        }
        http.stop(0);
        mail.stop();
    }

    /** The subject and text of every mail received for {@code to}, oldest first. */
    private static List<String> textsTo(GreenMail mail, String to) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isFor(m, to)).map(m -> {
            try {
                return m.getSubject() + "\n" + m.getContent();
            } catch (MessagingException | IOException e) {
                return "unreadable mail: " + e;
            }
        }).toList();
    }

    private static boolean isFor(MimeMessage m, String to) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String json(List<String> texts) {
        return texts.stream().map(GreenMailServer::quoted).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quoted(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
