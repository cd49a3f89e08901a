package io.signet.testing;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port a server started with {@code SIGNET_PORT=0} bound, read from the line {@code serve} prints once it
 * listens. Tests start out-of-process servers this way because a port found free beforehand can be taken in
 * between by any other socket of a busy build (an outgoing connection draws from the same ephemeral range), and
 * the server then fails to bind.
 */
public final class ListeningPort {
    private static final Pattern LISTENING = Pattern.compile("Signet listening on http://[^\\s:]+:(\\d+) ");

    private ListeningPort() {
    }

    /** The port named by the first "Signet listening on" line of {@code output}, if it has been printed yet. */
    public static OptionalInt in(String output) {
        Matcher m = LISTENING.matcher(output);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
