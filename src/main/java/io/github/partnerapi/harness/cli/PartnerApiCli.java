package io.github.partnerapi.harness.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: {@code java -jar partnerapi-harness.jar <command>}.
 *
 * <pre>{@code
 * java -jar target/partnerapi-harness.jar sign --url https://api.qredo.network/api/v1/p/company --body-file body.json
 * java -jar target/partnerapi-harness.jar keygen --out keys
 * }</pre>
 *
 * <p>Exit codes: 0 done, 2 usage error, 1 any other error (one line on standard error; a stack
 * trace only with {@code --verbose}).
 */
@Command(name = "partnerapi-harness", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Signs, sends and verifies Partner API requests (x-sign), runs a verifier stub and a verifying proxy.",
        subcommands = {SignCommand.class, SendCommand.class, VerifyCommand.class, ReproduceCommand.class, CheckCommand.class,
            ContractCommand.class, StubCommand.class, ProxyCommand.class,
            BenchStubCommand.class,
            KeygenCommand.class})
public final class PartnerApiCli {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    final InputStream stdin;
    /** Whether standard input is a terminal: then a missing body is empty instead of read to EOF. */
    final boolean stdinIsTerminal;

    PartnerApiCli(InputStream stdin, boolean stdinIsTerminal) {
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    public static void main(String[] args) {
        OneShot.configure(args);
        System.exit(run(System.in, System.out, System.err, Terminal.stdinIsTerminal(), args));
    }

    /** Runs the command line with the given streams (standard input not a terminal); returns the exit code. */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        return run(in, out, err, false, args);
    }

    static int run(InputStream in, PrintStream out, PrintStream err, boolean terminal, String... args) {
        // picocli probes for Groovy closures when Groovy is on the class path (REST Assured's): 0.3 s
        System.setProperty("picocli.disable.closures", "true");
        PartnerApiCli root = new PartnerApiCli(in, terminal);
        CommandLine cli = LazyCommands.commandLine(root, args);
        // sign -V and the like print the program's version, as the root's -V does
        cli.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(new Version()));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
        // keygen --out-dir k: picocli would say that --out is missing; the misspelt option comes first
        cli.setParameterExceptionHandler((e, given) -> usage.handleParseException(misspeltFirst(e), given));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + Errors.oneLine(e));
            if (root.verbose) {
                e.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Throwable e) { // an Error (OutOfMemoryError, StackOverflowError) still gets one line, not a trace
            cli.getErr().println("error: " + Errors.oneLine(e));
            if (root.verbose) {
                e.printStackTrace(cli.getErr());
            }
            code = 1;
        }
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    private static CommandLine.ParameterException misspeltFirst(CommandLine.ParameterException e) {
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        return e instanceof CommandLine.MissingParameterException && !unmatched.isEmpty()
                ? new CommandLine.UnmatchedArgumentException(e.getCommandLine(), unmatched) : e;
    }
}
