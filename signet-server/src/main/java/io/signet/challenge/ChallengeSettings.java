package io.signet.challenge;

import java.time.Duration;

/** Lifetimes of codes and links, from {@code SIGNET_OTP_TTL_SECONDS} and {@code SIGNET_MAGIC_LINK_TTL_SECONDS}. */
public record ChallengeSettings(Duration otpTtl, Duration magicLinkTtl) {
}
