package io.signet.challenge;

import io.signet.text.UrlEncoding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SMS and WhatsApp through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, Basic auth with the account SID and auth token), or any carrier that speaks it. WhatsApp
 * numbers carry Twilio's {@code whatsapp:} prefix; a Messaging Service SID sender is sent as
 * {@code MessagingServiceSid}.
 */
public final class TwilioSender implements Sender {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI endpoint;
    private final String authorization;
    private final String from;

    public TwilioSender(String baseUrl, String accountSid, String authToken, String from) {
        this.endpoint = URI.create(baseUrl + "/2010-04-01/Accounts/"
                + UrlEncoding.component(accountSid) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
    }

    @Override
    public void send(Message message) {
        boolean whatsapp = message.channel() == Message.Channel.WHATSAPP;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", (whatsapp ? "whatsapp:" : "") + message.to());
        if (from.startsWith("MG")) {
            form.put("MessagingServiceSid", from);
        } else {
            form.put("From", (whatsapp ? "whatsapp:" : "") + from);
        }
        form.put("Body", message.text());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + UrlEncoding.form(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryException("SMS carrier at " + endpoint.getHost() + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending an SMS", e);
        }
        if (status / 100 != 2) {
            throw new DeliveryException("SMS carrier at " + endpoint.getHost() + " answered HTTP " + status, null);
        }
    }
}
