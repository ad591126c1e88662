package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.ClosedPort;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** What the command line says: help, usage lines, version, and one-line errors. */
class CliTextTest {

    private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s]*");

    static Stream<String> commands() {
        return fullTree().getSubcommands().keySet().stream();
    }

    private static CommandLine fullTree() {
        return new CommandLine(new PartnerApiCli(InputStream.nullInputStream(), false));
    }

    @Test
    void rootHelpKeepsEveryUrlWhole() {
        assertUrlsWhole(fullTree().getCommandSpec(), CliRun.run("--help").out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpKeepsEveryUrlWhole(String command) {
        CliRun help = CliRun.run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertUrlsWhole(fullTree().getSubcommands().get(command).getCommandSpec(), help.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandBuiltAloneHasTheHelpOfTheWholeTree(String command) {
        String whole = fullTree().getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(CliRun.run(command, "--help").out()).isEqualTo(whole);
        assertThat(CliRun.run("--verbose", command, "--help").out()).isEqualTo(whole);
    }

    @Test
    void usageLinesShowTheDoubleDashTimestampAndTheGoSpellingStillWorks() {
        for (String command : new String[] {"sign", "send"}) {
            String usage = CliRun.run(command, "--help").out();
            assertThat(usage).contains("[--timestamp=T]").doesNotContain("[-timestamp=T]");
        }
        CliRun go = CliRun.run("sign", "--key", io.github.partnerapi.harness.testing.TestData.pkcs1Key().toString(),
                "--url", "https://h/p", "-timestamp", "1634226826");
        assertThat(go.exitCode()).as(go.err()).isZero();
        assertThat(go.out()).endsWith("x-timestamp: 1634226826\n");
    }

    @Test
    void versionIsThePomsVersion() throws IOException {
        Matcher pom = Pattern.compile("<artifactId>partnerapi-harness</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();

        assertThat(CliRun.run("-V").out()).isEqualTo("partnerapi-harness " + pom.group(1) + "\n");
        assertThat(CliRun.run("sign", "--version").out()).isEqualTo("partnerapi-harness " + pom.group(1) + "\n");
    }

    @Test
    void checkAgainstATargetThatIsDownIsOneLineAndExitOne() throws IOException {
        try (ClosedPort closed = ClosedPort.hold()) {
            int port = closed.port();

            CliRun run = CliRun.run("check", "--base-uri", "http://127.0.0.1:" + port + "/api/v1/p");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("error: cannot reach --base-uri http://127.0.0.1:" + port
                    + "/api/v1/p: connection to 127.0.0.1:" + port + " refused; is the server running?");
        }
    }

    @Test
    void checkHelpStatesTheDefaultsItUses() {
        String help = CliRun.run("check", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--api-key-file=FILE File holding the API key, for --base-uri (default: apikey)",
                "(default: private.pem)");
    }

    /**
     * Messages a user reads name options, files and fields, never a Java class or method. The Java
     * API's own misuse messages (REST Assured filter, JUnit extension, builders) speak to programmers.
     */
    @Test
    void messagesNameNoJavaClassOrMethod() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern javaName = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z0-9]*\\(|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/partnerapi/harness"))) {
            for (Path file : files.filter(CliTextTest::readByUsers).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher text = literal.matcher(line);
                    while (text.find()) {
                        if (javaName.matcher(text.group()).find()) {
                            found.add(file.getFileName() + ":" + (i + 1) + " " + text.group());
                        }
                    }
                    if (line.contains("e.getClass().getSimpleName()")) {
                        found.add(file.getFileName() + ":" + (i + 1) + " " + line);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void anUnexpectedErrorIsNotNamedByItsClass() {
        assertThat(Errors.oneLine(new IllegalStateException("boom"))).isEqualTo(
                "unexpected error: boom (run again with --verbose for the details)");
    }

    private static boolean readByUsers(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && !path.contains("/restassured/") && !path.contains("/junit/")
                && !path.endsWith("Builder.java");
    }

    private static void assertUrlsWhole(CommandSpec spec, String help) {
        List<String> urls = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (String text : texts) {
            Matcher url = URL.matcher(text);
            while (url.find()) {
                urls.add(url.group().replaceAll("[.,;)]+$", ""));
            }
        }
        for (String url : urls) {
            assertThat(help).as("help of %s", spec.qualifiedName()).contains(url);
        }
        assertThat(help).as("a line that ends inside a URL").doesNotContainPattern(":\\n\\s*//");
    }
}
