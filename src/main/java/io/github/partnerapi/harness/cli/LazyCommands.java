package io.github.partnerapi.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Builds only the command that runs: picocli reflects over every subcommand it is given, which is
 * most of a one-shot command's start-up. {@code partnerapi-harness sign ...} gets a root with its
 * own options and {@code sign} alone; anything else (root help, {@code -V}, an unknown command) the
 * whole tree from {@link PartnerApiCli}'s annotation, which stays the one list of commands.
 */
final class LazyCommands {

    private LazyCommands() {
    }

    static CommandLine commandLine(PartnerApiCli root, String... args) {
        Class<?> wanted = subcommandFor(args);
        if (wanted == null) {
            return new CommandLine(root);
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        Command annotation = PartnerApiCli.class.getAnnotation(Command.class);
        spec.name(annotation.name()).mixinStandardHelpOptions(true).versionProvider(new Version());
        spec.usageMessage().description(annotation.description());
        spec.addOption(OptionSpec.builder("--verbose").arity("0").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Print stack traces of errors.").initialValue(false).hasInitialValue(true)
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        root.verbose = Boolean.TRUE.equals(value);
                        return null;
                    }
                }).build());
        CommandLine cli = new CommandLine(spec);
        cli.addSubcommand(new CommandLine(wanted));
        return cli;
    }

    /** The subcommand class named by the first argument that is not a root option, or null. */
    static Class<?> subcommandFor(String... args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                if (arg.equals("--verbose")) {
                    continue;
                }
                return null; // -h, -V or a mistake: the whole tree answers
            }
            for (Class<?> command : PartnerApiCli.class.getAnnotation(Command.class).subcommands()) {
                Command named = command.getAnnotation(Command.class);
                if (named != null && java.util.Arrays.asList(aliases(named)).contains(arg)) {
                    return command;
                }
            }
            return null;
        }
        return null;
    }

    private static String[] aliases(Command command) {
        String[] names = new String[command.aliases().length + 1];
        names[0] = command.name();
        System.arraycopy(command.aliases(), 0, names, 1, command.aliases().length);
        return names;
    }
}
