package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a printed command line in every POSIX shell here (and zsh), with its programs replaced by an argument echo. */
final class PrintedCommands {

    private PrintedCommands() {
    }

    /**
     * The arguments {@code program} gets when each shell runs {@code commandLine}; fails when the
     * shells disagree or one refuses the line (zsh does on an unquoted {@code ?} that matches no file).
     */
    static List<String> argumentsOf(String commandLine, String program) throws IOException, InterruptedException {
        String echo = program + "() { printf '%s\\n' \"$@\" >&2; }; sh() { cat >/dev/null; }; curl() { :; }; ";
        List<String> first = null;
        for (String shell : shells()) {
            Process process = new ProcessBuilder(shell, "-c", echo + commandLine).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(shell + ": " + err).isZero();
            List<String> arguments = err.lines().toList();
            if (first == null) {
                first = arguments;
            }
            assertThat(arguments).as(shell).isEqualTo(first);
        }
        return first;
    }

    /** sh always; dash, bash and zsh where installed. */
    static List<String> shells() {
        List<String> shells = new ArrayList<>(List.of("/bin/sh"));
        for (String shell : new String[] {"/bin/dash", "/bin/bash", "/usr/bin/zsh", "/bin/zsh"}) {
            if (Files.isExecutable(Path.of(shell)) && shells.stream().noneMatch(s -> s.endsWith(Path.of(shell).getFileName().toString()))) {
                shells.add(shell);
            }
        }
        return shells;
    }
}
