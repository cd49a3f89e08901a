package io.signet.export;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The passphrase encryption of an export file, specified byte for byte in docs/export-format.md: a header
 * (magic, scrypt cost, salt), then AES-256-GCM chunks of at most 64 KiB with a counter nonce whose last byte
 * marks the final chunk. Chunks keep memory constant both ways (a single GCM message could only be
 * authenticated after reading it whole) and the final mark makes a truncated file fail instead of passing as
 * a shorter export.
 */
public final class ExportCipher {
    static final byte[] MAGIC = "SIGNET-EXPORT-ENC-1\n".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 64 * 1024;
    static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    /** scrypt N = 2^17, r = 8, p = 1: 128 MiB and about a second, the cost age uses for passphrases too. */
    public static final int DEFAULT_LOG2_N = 17;
    /** Readers refuse more: a hostile header must not make them allocate gigabytes. */
    private static final int MAX_LOG2_N = 20;
    private static final int R = 8;
    private static final int P = 1;

    private ExportCipher() {
    }

    /** The passphrase was wrong or the file was altered: GCM cannot tell which. */
    public static final class WrongPassphraseException extends IOException {
        WrongPassphraseException() {
            super("cannot decrypt the export: wrong passphrase, or the file was altered");
        }
    }

    /** Wraps {@code out}: what is written to the result is stored encrypted; close() writes the final chunk. */
    public static OutputStream encrypting(OutputStream out, char[] passphrase, int log2N) throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] header = header(log2N, salt);
        out.write(header);
        return new Encrypting(out, key(passphrase, salt, log2N), header);
    }

    /** Reads an encrypted export; chunks are checked as they are read, so a bad one throws mid-stream. */
    public static InputStream decrypting(InputStream in, char[] passphrase) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in)); // mark() finds the end
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException("not an encrypted Signet export (too short)");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an encrypted Signet export (no " + new String(MAGIC, 0, MAGIC.length - 1,
                    StandardCharsets.US_ASCII) + " header)");
        }
        int log2N = data.readUnsignedByte();
        if (log2N < 10 || log2N > MAX_LOG2_N) {
            throw new IOException("unsupported scrypt cost 2^" + log2N + " in the export header");
        }
        byte[] salt = new byte[SALT_BYTES];
        data.readFully(salt);
        return new Decrypting(data, key(passphrase, salt, log2N), header(log2N, salt));
    }

    /** True when the file begins with the encrypted-export magic. */
    public static boolean isEncrypted(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC);
    }

    private static byte[] header(int log2N, byte[] salt) {
        if (log2N < 10 || log2N > MAX_LOG2_N) {
            throw new IllegalArgumentException("scrypt cost must be 2^10 to 2^" + MAX_LOG2_N);
        }
        return ByteBuffer.allocate(MAGIC.length + 1 + SALT_BYTES).put(MAGIC).put((byte) log2N).put(salt).array();
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int log2N) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] exact = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return new SecretKeySpec(SCrypt.generate(exact, salt, 1 << log2N, R, P, 32), "AES");
        } finally {
            Arrays.fill(exact, (byte) 0);
        }
    }

    /** 11-byte big-endian chunk counter, then 1 if this is the last chunk, else 0. */
    private static byte[] nonce(long counter, boolean last) {
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES);
        b.put((byte) 0).put((byte) 0).put((byte) 0).putLong(counter).put((byte) (last ? 1 : 0));
        return b.array();
    }

    private static Cipher cipher(int mode, SecretKeySpec key, long counter, boolean last, byte[] header) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(counter, last)));
            c.updateAAD(header);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static final class Encrypting extends FilterOutputStream {
        private final SecretKeySpec key;
        private final byte[] header;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK);
        private long counter;
        private boolean closed;

        Encrypting(OutputStream out, SecretKeySpec key, byte[] header) {
            super(out);
            this.key = key;
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                // A full buffer is sealed only when more follows, so the last chunk is never a full one sealed early.
                if (pending.size() == CHUNK) {
                    seal(false);
                }
                int n = Math.min(len, CHUNK - pending.size());
                pending.write(b, off, n);
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, counter++, last, header).doFinal(pending.toByteArray()));
            } catch (GeneralSecurityException e) {
                throw new IOException("encryption failed", e);
            }
            pending.reset();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    private static final class Decrypting extends InputStream {
        private final DataInputStream in;
        private final SecretKeySpec key;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int pos;
        private long counter;
        private boolean sawLast;

        Decrypting(DataInputStream in, SecretKeySpec key, byte[] header) {
            this.in = in;
            this.key = key;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == plain.length) {
                if (sawLast) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Reads one sealed chunk; it is the last one exactly when the file ends after it. */
        private void next() throws IOException {
            byte[] sealed = in.readNBytes(CHUNK + TAG_BYTES);
            if (sealed.length < TAG_BYTES) {
                throw new IOException("the encrypted export is truncated");
            }
            boolean last = sealed.length < CHUNK + TAG_BYTES || atEnd();
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, counter, last, header).doFinal(sealed);
            } catch (AEADBadTagException e) {
                if (counter == 0) {
                    throw new WrongPassphraseException();
                }
                throw new IOException("the encrypted export is damaged or truncated at chunk " + counter);
            } catch (GeneralSecurityException e) {
                throw new IOException("decryption failed", e);
            }
            counter++;
            pos = 0;
            sawLast = last;
        }

        private boolean atEnd() throws IOException {
            in.mark(1);
            boolean end = in.read() < 0;
            in.reset();
            return end;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
