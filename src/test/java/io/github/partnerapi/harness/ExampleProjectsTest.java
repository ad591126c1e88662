package io.github.partnerapi.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows the JUnit 5 example's pom whole, and {@code mvn -B -Pexamples verify} builds that
 * example: the two must stay the same file, so the pom a reader copies is one CI has built.
 */
class ExampleProjectsTest {

    static final Path EXAMPLES = Path.of("src/it");

    @Test
    void theReadmeShowsTheJunit5ExamplePomAsItIs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher pom = Pattern.compile("```xml\n(<\\?xml.*?</project>\n)```", Pattern.DOTALL).matcher(readme);
        assertThat(pom.find()).as("README.md shows a whole pom").isTrue();
        String version = projectVersion();
        String example = Files.readString(EXAMPLES.resolve("junit5-maven/pom.xml")).replace("@project.version@", version);
        assertThat(pom.group(1)).isEqualTo(example);
    }

    @Test
    void everyExamplePinsTheCompilerAndSurefireThatMaven38Lacks() throws IOException {
        for (String example : new String[] {"junit5-maven", "junit6-maven"}) {
            String pom = Files.readString(EXAMPLES.resolve(example).resolve("pom.xml"));
            assertThat(pom).as(example).containsPattern(
                    "<artifactId>maven-compiler-plugin</artifactId>\\s*<version>3\\.")
                    .containsPattern("<artifactId>maven-surefire-plugin</artifactId>\\s*<version>3\\.")
                    .contains("Surefire 2.12").contains("<version>@project.version@</version>");
            assertThat(EXAMPLES.resolve(example).resolve("verify.groovy")).exists();
        }
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>partnerapi-harness</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
