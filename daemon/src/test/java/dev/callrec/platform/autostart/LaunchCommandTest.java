package dev.callrec.platform.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTest {
  @TempDir
  Path dir;

  @Test
  void aJpackageLauncherStartsTheDaemonItself() {
    LaunchCommand command = new LaunchCommand("/opt/callrec/bin/callrec", Path.of("/opt/callrec/lib/runtime/bin/java"),
        Path.of("/opt/callrec/lib/app/callrec.jar"));
    assertThat(command.arguments()).containsExactly("/opt/callrec/bin/callrec", "run");
  }

  @Test
  void aJarIsRunWithTheCurrentJavaAndTheDaemonsSmallHeap() throws Exception {
    Path jar = Files.createFile(Files.createDirectories(dir.resolve("my apps")).resolve("callrec.jar"));
    LaunchCommand command = new LaunchCommand(null, Path.of("/usr/lib/jvm/java-17/bin/java"), jar);
    assertThat(command.arguments()).containsExactly("/usr/lib/jvm/java-17/bin/java", "-Xmx192m",
        "-XX:+UseSerialGC", "-jar", jar.toString(), "run");
  }

  @Test
  void aClassesFolderCannotBeStartedAtLogin() {
    LaunchCommand command = new LaunchCommand(null, Path.of("/usr/bin/java"), dir);
    assertThatThrownBy(command::arguments).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only when it runs from callrec.jar or an installed package");
  }
}
