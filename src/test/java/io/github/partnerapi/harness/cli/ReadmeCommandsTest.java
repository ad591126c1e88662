package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every command line of the harness the README shows in a {@code sh} or {@code text} block parses
 * against the real command tree (picocli's {@code parseArgs}: nothing runs), and every option a
 * usage synopsis ({@code sign --url URL [--nonce N]}) names exists on its command: the README
 * cannot show a command or an option that is not there.
 */
class ReadmeCommandsTest {

    private static final List<String> PREFIXES =
            List.of("java -jar target/partnerapi-harness.jar ", "target/partnerapi-harness ");
    private static final Pattern FENCE = Pattern.compile("\\s*```(\\w*)\\s*");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[A-Za-z][\\w-]*");

    /** One command line of the README: where it starts, and the text after the program. */
    record ReadmeCommand(int line, String text) {
        boolean isSynopsis() {
            return text.contains(" [");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final List<ReadmeCommand> COMMANDS = List.copyOf(extract(readme()));

    static Stream<ReadmeCommand> commands() {
        return COMMANDS.stream().filter(command -> !command.isSynopsis());
    }

    static Stream<ReadmeCommand> synopses() {
        return COMMANDS.stream().filter(ReadmeCommand::isSynopsis);
    }

    @Test
    void theReadmeShowsCommandsAndASynopsisOfEveryCommand() {
        assertThat(commands()).as("command lines extracted from README.md").hasSizeGreaterThanOrEqualTo(9);
        assertThat(synopses().map(synopsis -> synopsis.text().split(" ", 2)[0]))
                .as("synopses extracted from README.md")
                .containsExactlyInAnyOrderElementsOf(fullTree().getSubcommands().keySet());
    }

    @ParameterizedTest(name = "README line {0}: {1}")
    @MethodSource("commands")
    void commandParses(ReadmeCommand command) {
        String[] args = shellWords(command.text()).toArray(String[]::new);

        assertThatCode(() -> parse(args)).as("README.md line %d", command.line()).doesNotThrowAnyException();
        ParseResult parsed = parse(args);
        assertThat(parsed.hasSubcommand()).as("README.md line %d names a command", command.line()).isTrue();
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(args[0]);
    }

    @ParameterizedTest(name = "README line {0}: {1}")
    @MethodSource("synopses")
    void synopsisNamesOnlyOptionsOfItsCommand(ReadmeCommand synopsis) {
        String name = synopsis.text().split(" ", 2)[0];
        CommandLine command = fullTree().getSubcommands().get(name);
        assertThat(command).as("README.md line %d: command %s", synopsis.line(), name).isNotNull();

        CommandSpec spec = command.getCommandSpec();
        Matcher option = OPTION.matcher(synopsis.text());
        int options = 0;
        while (option.find()) {
            options++;
            assertThat(spec.findOption(option.group()))
                    .as("README.md line %d: option %s of %s", synopsis.line(), option.group(), name)
                    .isNotNull();
        }
        assertThat(options).as("README.md line %d names options", synopsis.line()).isPositive();
    }

    @Test
    void extractionJoinsContinuationsStopsAtRedirectionsAndSplitsLikeAShell() {
        String readme = String.join("\n", "text", "```sh", "# java -jar target/partnerapi-harness.jar comment",
                "mvn package && java -jar target/partnerapi-harness.jar sign --url 'http://h/p?q=a b' \\",
                "     --body-file \"my body.json\" | sh", "```", "java -jar target/partnerapi-harness.jar outside",
                "```java", "java -jar target/partnerapi-harness.jar java", "```", "   ```text",
                "   target/partnerapi-harness stub [--port P] </dev/null", "   ```");

        List<ReadmeCommand> commands = extract(readme);

        assertThat(commands).extracting(ReadmeCommand::line).containsExactly(4, 12);
        assertThat(shellWords(commands.get(0).text()))
                .containsExactly("sign", "--url", "http://h/p?q=a b", "--body-file", "my body.json");
        assertThat(commands.get(1).isSynopsis()).isTrue();
        assertThat(shellWords("a\\ b \"c\\\"d\" e>f")).containsExactly("a b", "c\"d", "e");
    }

    private static CommandLine fullTree() {
        return new CommandLine(new PartnerApiCli(InputStream.nullInputStream(), false));
    }

    private static ParseResult parse(String... args) {
        return fullTree().parseArgs(args);
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The harness command lines in {@code sh} and {@code text} blocks, continuations joined. */
    static List<ReadmeCommand> extract(String readme) {
        List<ReadmeCommand> out = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        boolean inShell = false;
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                inShell = !inBlock && (fence.group(1).equals("sh") || fence.group(1).equals("text"));
                inBlock = !inBlock;
                continue;
            }
            if (!inShell) {
                continue;
            }
            int first = i;
            StringBuilder joined = new StringBuilder(lines[i].strip());
            while (joined.toString().endsWith("\\") && i + 1 < lines.length) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines[++i].strip());
            }
            String command = afterProgram(joined.toString());
            if (command != null) {
                out.add(new ReadmeCommand(first + 1, command.strip().replaceAll("\\s+", " ")));
            }
        }
        return out;
    }

    /** The text after the harness program, when the line (or its part after {@code &&}) runs it. */
    private static String afterProgram(String line) {
        for (String part : line.split("&&")) {
            String command = part.strip();
            for (String prefix : PREFIXES) {
                if (command.startsWith(prefix)) {
                    return command.substring(prefix.length());
                }
            }
        }
        return null;
    }

    /** Words as a POSIX shell splits them, up to an unquoted {@code |}, {@code <}, {@code >}, {@code &}, {@code ;} or comment. */
    static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("|<>&;".indexOf(c) >= 0 || c == '#' && word == null) {
                break;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = closing(text, i, '\'');
                word.append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = closing(text, i, '"');
                word.append(text.substring(i + 1, end).replaceAll("\\\\([\"\\\\$`])", "$1"));
                i = end;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static int closing(String text, int open, char quote) {
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == quote) {
                return i;
            }
            if (quote == '"' && text.charAt(i) == '\\') {
                i++;
            }
        }
        throw new AssertionError("no closing " + quote + " in: " + text);
    }
}
