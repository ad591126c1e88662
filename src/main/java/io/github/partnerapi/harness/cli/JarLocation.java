package io.github.partnerapi.harness.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where this program's jar is, for commands printed for the user to run. */
final class JarLocation {

    private JarLocation() {
    }

    static String path() {
        try {
            Path location = Path.of(PartnerApiCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toString() : "target/partnerapi-harness.jar";
        } catch (URISyntaxException | RuntimeException e) {
            return "target/partnerapi-harness.jar";
        }
    }
}
