package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, as a user gets it: runnable from any folder, and enough to compile against. */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/partnerapi-harness.jar").toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void helpRunsFromAnyFolder() throws Exception {
        Process process = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "--help")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("sign", "keygen");
    }

    @Test
    void publicApiCompilesAgainstTheJarAlone() throws Exception {
        Path source = Files.writeString(elsewhere.resolve("UsesApi.java"), String.join("\n",
                "import io.github.partnerapi.harness.signing.*;",
                "import io.restassured.specification.RequestSpecification;",
                "public class UsesApi {",
                "  String sign(java.nio.file.Path pem, RequestSpecification spec) {",
                "    return RequestSigner.fromPemFile(pem).sign(\"1\", \"https://h\", new byte[0]);",
                "  }",
                "}"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = javac.run(null, null, err, "-cp", JAR.toString(), "-d", elsewhere.toString(), source.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(List.of(elsewhere.toFile().list())).contains("UsesApi.class");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
