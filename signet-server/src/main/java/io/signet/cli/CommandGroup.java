package io.signet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code signet tenant}, {@code signet webhooks}, ...): run on its own,
 * it prints its usage and succeeds.
 */
public abstract class CommandGroup implements Callable<Integer> {
    @Override
    public final Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }
}
