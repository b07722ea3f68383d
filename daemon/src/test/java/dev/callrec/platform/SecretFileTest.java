package dev.callrec.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
  @TempDir
  Path dir;

  @Test
  void secretsAreReadableByTheOwnerOnlyAndSurviveANewInstance() throws Exception {
    Path file = dir.resolve("secrets.properties");
    new SecretFile(file).put("drive.password", "p@ss wörd");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(new SecretFile(file).get("drive.password")).isEqualTo("p@ss wörd");
    new SecretFile(file).remove("drive.password");
    assertThat(new SecretFile(file).get("drive.password")).isNull();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
