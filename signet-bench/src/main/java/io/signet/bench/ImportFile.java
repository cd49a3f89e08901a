package io.signet.bench;

import io.signet.authenticator.Base32;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A plaintext Signet export (docs/export-format.md, with secrets) of {@code users} users, each with two
 * authenticators: EMAIL_OTP and an authenticator app (TOTP, 160-bit secret). Written line by line straight
 * to disk, so a million users (about 600 MB) take no memory here; seeded, so every run imports the same file.
 */
final class ImportFile {
    private ImportFile() {
    }

    /** {@code dir/import-N.jsonl}, written unless a complete one from an earlier backend is already there. */
    static Path of(Path dir, long users) throws IOException {
        Path file = dir.resolve("import-" + users + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        Path partial = dir.resolve(file.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom(users);
        long created = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < users; i++) {
                out.write(line(i, Instant.ofEpochMilli(created + i * 1000).toString(), random));
                out.write('\n');
            }
        }
        Files.move(partial, file);
        return file;
    }

    /** Removes the generated files (a million users is about 600 MB). */
    static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("import-\\d+\\.jsonl(\\.partial)?")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static String line(long i, String time, SplittableRandom random) {
        String id = String.format("import-%08d", i);
        String email = id + "@bench.example.com";
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return "{\"schemaVersion\":1,\"userId\":\"" + id + "\",\"email\":\"" + email + "\",\"emailVerified\":true,"
                + "\"phoneNumberVerified\":false,\"username\":\"" + id + "\",\"createdAt\":\"" + time
                + "\",\"updatedAt\":\"" + time + "\",\"authenticators\":["
                + "{\"authenticatorId\":\"" + uuid(random) + "\",\"verificationMethod\":\"EMAIL_OTP\",\"email\":\""
                + email + "\",\"pending\":false,\"createdAt\":\"" + time + "\",\"verifiedAt\":\"" + time + "\"},"
                + "{\"authenticatorId\":\"" + uuid(random) + "\",\"verificationMethod\":\"AUTHENTICATOR_APP\","
                + "\"pending\":false,\"createdAt\":\"" + time + "\",\"verifiedAt\":\"" + time + "\",\"totp\":{"
                + "\"issuer\":\"Bench\",\"account\":\"" + email + "\",\"algorithm\":\"SHA1\",\"digits\":6,"
                + "\"period\":30,\"secret\":\"" + Base32.encode(secret) + "\"}}]}";
    }

    private static String uuid(SplittableRandom random) {
        // Version 4 layout from the seeded generator: reproducible files, still well-formed UUIDs.
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
