package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void plainWordsStayPlainAndTheRestIsQuoted() {
        assertThat(Shell.word("/tmp/keys/private.pem")).isEqualTo("/tmp/keys/private.pem");
        assertThat(Shell.word("http://127.0.0.1:8080/api/v1/p/company/search?query=acme"))
                .isEqualTo("'http://127.0.0.1:8080/api/v1/p/company/search?query=acme'");
        assertThat(Shell.word("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void theStubsPrintedCommandsReachTheProgramUnchangedInEveryShell() throws Exception {
        Path dir = Path.of("/tmp/a dir [with] * and $HOME and 'quotes'");
        String[] send = StubCommand.sendCommand(dir, "http://127.0.0.1:8080/api/v1/p");

        assertThat(PrintedCommands.argumentsOf(Shell.words(send) + " </dev/null | sh", "java"))
                .containsExactly(java.util.Arrays.copyOfRange(send, 1, send.length));
        String[] sign = StubCommand.signCommand(dir, "http://127.0.0.1:8080/api/v1/p/assets");
        assertThat(PrintedCommands.argumentsOf(Shell.words(sign), "java"))
                .containsExactly(java.util.Arrays.copyOfRange(sign, 1, sign.length));
    }
}
