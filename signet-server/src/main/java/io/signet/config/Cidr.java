package io.signet.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a single host. */
public record Cidr(byte[] prefix, int bits) {
    /** Literal addresses only: a host name here would make start-up depend on DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public Cidr {
        prefix = prefix.clone();
    }

    /** Parses {@code text}; {@code setting} names the variable in the error. */
    public static Cidr parse(String text, Setting setting) {
        try {
            return of(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.env() + " must list networks such as 10.0.0.0/8 or fd00::/8, got '"
                    + text + "'");
        }
    }

    /** Parses a literal network; a malformed one is an {@link IllegalArgumentException}. */
    public static Cidr of(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!LITERAL.matcher(address).matches() || !(address.contains(".") || address.contains(":"))) {
            throw new IllegalArgumentException(text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
        if (bytes.length == 4 && address.contains(":")) { // ::ffff:a.b.c.d, which Java turns into IPv4: keep it IPv6
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            bits = Integer.parseInt(text.substring(slash + 1)); // a NumberFormatException is an IllegalArgument one
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException(text);
            }
        }
        return new Cidr(bytes, bits);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** True when the first {@code bits} bits of {@code address} are the prefix's (same family only). */
    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.bits == bits && Arrays.equals(c.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
