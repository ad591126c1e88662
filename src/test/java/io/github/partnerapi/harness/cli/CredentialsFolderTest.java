package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class CredentialsFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aNewFolderIs700WithSecretsWritten600() throws Exception {
        Path dir = tmp.resolve("creds");
        CredentialsFolder folder = CredentialsFolder.open(dir);

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("apikey"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("private.pem"))).isEqualTo("rw-------");
        assertThat(folder.created()).containsExactly("apikey", "private.pem", "public.pem");
        assertThat(folder.summary()).isEqualTo("generated credentials in " + dir + ": apikey, private.pem, public.pem");
        assertThat(KeyFiles.publicKeyOf(PemKeys.readPrivateKey(dir.resolve("private.pem"), null))).contains(
                folder.publicKey());
    }

    @Test
    void whatIsThereIsReusedAndOnlyWhatIsMissingIsCreated() throws Exception {
        Path dir = tmp.resolve("creds");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dir.resolve("apikey"), "bXktb3duLWtleQ==\n");
        Files.copy(TestData.publicKey(), dir.resolve("public.pem"));

        CredentialsFolder folder = CredentialsFolder.open(dir);

        assertThat(folder.apiKey().value()).isEqualTo("bXktb3duLWtleQ==");
        assertThat(folder.publicKey()).isEqualTo(PemKeys.readPublicKey(TestData.publicKey()));
        assertThat(folder.reused()).containsExactly("apikey", "public.pem");
        assertThat(folder.created()).isEmpty();
        assertThat(folder.hasPrivateKey()).isFalse();
        assertThat(Files.exists(dir.resolve("private.pem"))).isFalse();
        assertThat(folder.summary()).isEqualTo("reusing credentials in " + dir + ": apikey, public.pem");

        Files.delete(dir.resolve("public.pem"));
        Files.copy(TestData.pkcs1Key(), dir.resolve("private.pem"));
        CredentialsFolder derived = CredentialsFolder.open(dir);
        assertThat(derived.publicKey()).isEqualTo(PemKeys.readPublicKey(TestData.publicKey()));
        assertThat(derived.summary()).isEqualTo("reusing credentials in " + dir + ": apikey, private.pem; created: "
                + "public.pem");
    }

    @Test
    void aFolderOpenToOthersIsRefused() throws Exception {
        Path dir = tmp.resolve("open");
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> CredentialsFolder.open(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir + ": the folder is mode 755; a folder holding credentials must be 700 (only you can "
                        + "open it): chmod 700 " + dir + ", or give a new folder");
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aSymbolicLinkIsNeitherFollowedNorReplaced() throws Exception {
        Path dir = tmp.resolve("creds");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path elsewhere = tmp.resolve("elsewhere");
        Files.writeString(elsewhere, "untouched");
        Files.createSymbolicLink(dir.resolve("public.pem"), elsewhere);

        assertThatThrownBy(() -> CredentialsFolder.open(dir)).hasMessageContaining("public.pem: is a symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("untouched");
        assertThat(Files.exists(dir.resolve("apikey"))).isFalse();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
