package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/partnerapi-harness, the launcher the build writes, and its class-data sharing archive. */
class LauncherIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("partnerapi-harness");
    private static final Path ARCHIVE = TARGET.resolve("partnerapi-harness.jsa");

    @TempDir
    Path dir;

    @Test
    void signsEveryVectorLikeThePublicClientAndSaysNothingElse() throws Exception {
        for (Vector v : TestData.vectors()) {
            Path body = Files.write(dir.resolve("body"), v.body());
            Run run = run(List.of(LAUNCHER.toString(), "sign", "--key", TestData.pkcs1Key().toString(), "--url", v.url(),
                    "--body-file", body.toString(), "x-nonce".equals(v.header()) ? "--nonce" : "--timestamp", v.value()));

            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).isEqualTo("x-sign: " + v.xSign() + "\n" + v.header() + ": " + v.value() + "\n");
            assertThat(run.err).isEmpty();
        }
    }

    @Test
    void theArchiveTheBuildMadeIsUsableByThisJvm() throws Exception {
        assumeTrue(!Boolean.getBoolean("partnerapi.cds.skip") && System.getProperty("java.vm.name").contains("Server VM"),
                "a HotSpot JVM, which the build asks for the archive");
        assertThat(ARCHIVE).exists();

        // -Xshare:on refuses to start when the archive cannot be mapped or was made for other jars
        Run run = run(List.of(java(), "-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-jar",
                TARGET.resolve("partnerapi-harness.jar").toString(), "-V"));

        assertThat(run.code).as(run.out + run.err).isZero();
        assertThat(run.out).startsWith("partnerapi-harness ");
    }

    @Test
    void aStaleOrMissingArchiveIsSkippedQuietly() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("dist with space"));
        Files.copy(LAUNCHER, copy.resolve("partnerapi-harness"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(TARGET.resolve("partnerapi-harness.jar"), copy.resolve("partnerapi-harness.jar"));
        Files.createSymbolicLink(copy.resolve("lib"), TARGET.resolve("lib"));
        if (Files.exists(ARCHIVE)) {
            Files.copy(ARCHIVE, copy.resolve("partnerapi-harness.jsa"));
        }
        Files.setLastModifiedTime(copy.resolve("partnerapi-harness.jar"), FileTime.fromMillis(0));

        Run stale;
        Run missing;
        try {
            stale = run(List.of(copy.resolve("partnerapi-harness").toString(), "-V"));
            Files.deleteIfExists(copy.resolve("partnerapi-harness.jsa"));
            missing = run(List.of(copy.resolve("partnerapi-harness").toString(), "-V"));
        } finally {
            Files.delete(copy.resolve("lib")); // the link, not target/lib; JUnit would warn about it
        }

        for (Run run : List.of(stale, missing)) {
            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).startsWith("partnerapi-harness ");
            assertThat(run.err).isEmpty();
        }
    }

    @Test
    void checkThroughTheLauncherPrintsNoLoggingOrJvmWarnings() throws Exception {
        Run run = run(List.of(LAUNCHER.toString(), "check"));

        assertThat(run.code).as(run.out + run.err).isZero();
        assertThat(run.err).isEmpty();
        assertThat(dir.resolve("nonces")).as("the nonce cases' files, where PARTNERAPI_NONCE_DIR says").isNotEmptyDirectory();
    }

    @Test
    void theLauncherAndTheJvmAgreeOnWhichCommandsAreServers() throws IOException {
        Matcher servers = Pattern.compile("(?m)^\\s*([a-z-]+(?:\\|[a-z-]+)*)\\)\\s*$").matcher(Files.readString(LAUNCHER));
        List<String> found = new ArrayList<>();
        while (servers.find()) {
            found.add(servers.group(1));
        }

        assertThat(found).hasSize(1);
        assertThat(Set.of(found.get(0).split("\\|"))).isEqualTo(OneShot.LONG_RUNNING);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the check's nonce files go to this test's folder, not the home folder of whoever runs the build
        builder.environment().put(NonceSequences.DIR_ENV, dir.resolve("nonces").toString());
        // each of these makes the JVM print "Picked up ..." on standard error, which must stay empty
        List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, Files.readString(dir.resolve("err")));
    }

    private record Run(int code, String out, String err) {
    }
}
