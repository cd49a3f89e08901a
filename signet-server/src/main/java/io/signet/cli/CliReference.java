package io.signet.cli;

import picocli.CommandLine;

/**
 * The README's CLI reference, rendered from the picocli model itself: every command's usage, depth first,
 * at a fixed width. {@code CliReferenceTest} fails when the README's copy differs, and rewrites it with
 * {@code -Dsignet.updateReadme=true}.
 */
public final class CliReference {
    public static final String START = "<!-- cli-reference:start (generated from picocli by CliReferenceTest) -->";
    public static final String END = "<!-- cli-reference:end -->";
    private static final int WIDTH = 110;

    private CliReference() {
    }

    /** The reference of {@code root} and all its subcommands, between {@link #START} and {@link #END}. */
    public static String render(CommandLine root) {
        root.setUsageHelpWidth(WIDTH);
        StringBuilder out = new StringBuilder(START).append("\n");
        append(root, out);
        return out.append(END).toString();
    }

    private static void append(CommandLine command, StringBuilder out) {
        out.append("\n#### `").append(command.getCommandSpec().qualifiedName()).append("`\n\n```\n")
                .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
        command.getSubcommands().values().stream().distinct().forEach(sub -> append(sub, out));
    }

    /** {@code readme} with the part between the markers replaced by {@code reference}. */
    public static String replaceIn(String readme, String reference) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README.md has no " + START + " ... " + END + " section");
        }
        return readme.substring(0, start) + reference + readme.substring(end + END.length());
    }
}
