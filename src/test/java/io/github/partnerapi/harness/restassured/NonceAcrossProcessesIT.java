package io.github.partnerapi.harness.restassured;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.stub.JournalEntry;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs, one API key, nonce mode, one strict stub: the nonce file under the (shared) home folder
 * orders their requests, so the stub rejects none, although both send at the same time from 4 threads.
 */
class NonceAcrossProcessesIT {

    static final int REQUESTS = 60;
    static final Pattern RESULT = Pattern.compile("ok=(\\d+) rejected=(\\d+) from=(\\d+) to=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void twoJvmsSendingConcurrentlyWithOneApiKeyGetNoNonce401() throws Exception {
        StubCredentials credentials = StubCredentials.generate();
        credentials.writeTo(dir.resolve("keys"));
        try (VerifierStub stub = VerifierStub.builder()
                .apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic()).mode(StubMode.STRICT).build()) {
            List<Process> clients = List.of(client(stub), client(stub));
            try {
                sendTogether(stub, clients);
            } finally {
                clients.forEach(Process::destroyForcibly);
            }
        }
        Path nonces = dir.resolve("home/.partnerapi/nonces");
        try (var files = Files.list(nonces)) {
            List<Path> list = files.toList();
            assertThat(list).hasSize(1);
            assertThat(Files.readString(list.get(0))).matches("\\d{13,}\\n")
                    .doesNotContain(credentials.apiKey().value());
        }
    }

    private static void sendTogether(VerifierStub stub, List<Process> clients) throws Exception {
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process client : clients) {
            BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the client's first line").isEqualTo("ready");
            outputs.add(out);
        }
        for (Process client : clients) { // both start sending at once
            OutputStream in = client.getOutputStream();
            in.write('\n');
            in.flush();
        }
        List<long[]> results = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            assertThat(clients.get(i).waitFor(90, TimeUnit.SECONDS)).as("client %d finished", i).isTrue();
            String line = outputs.get(i).readLine();
            assertThat(clients.get(i).exitValue()).as("client %d: %s", i, line).isZero();
            Matcher m = RESULT.matcher(String.valueOf(line));
            assertThat(m.matches()).as("client %d printed %s", i, line).isTrue();
            results.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4))});
        }
        assertThat(results).allSatisfy(r -> assertThat(r[0]).as("accepted").isEqualTo(REQUESTS))
                .allSatisfy(r -> assertThat(r[1]).as("rejected").isZero());
        assertThat(results.get(0)[2]).as("the two clients sent at the same time").isLessThan(results.get(1)[3]);
        assertThat(results.get(1)[2]).as("the two clients sent at the same time").isLessThan(results.get(0)[3]);
        assertThat(stub.requests()).extracting(JournalEntry::status).doesNotContain(401);
    }

    /** A JVM with this test's class path whose home folder is the test's (no partnerapi.nonce.dir: the default). */
    private Process client(VerifierStub stub) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Duser.home=" + dir.resolve("home"), "-cp",
                System.getProperty("java.class.path"), NonceClient.class.getName(), stub.baseUri(),
                dir.resolve("keys").toString(), Integer.toString(REQUESTS), "4")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove(NonceSequences.DIR_ENV); // the default folder, under user.home, is what is tested
        return builder.start();
    }
}
