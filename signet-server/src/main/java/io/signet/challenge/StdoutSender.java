package io.signet.challenge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SIGNET_DEV_DELIVERY=stdout}: writes each message, code or link included, to the server log. The
 * one place a code is ever logged, and only because the operator opted in for local development.
 */
public final class StdoutSender implements Sender {
    private static final Logger log = LoggerFactory.getLogger("io.signet.devdelivery");

    @Override
    public void send(Message message) {
        log.info("[dev delivery, not sent] {} to {}: {}", message.channel(), message.to(),
                message.text().replace('\n', ' '));
    }
}
