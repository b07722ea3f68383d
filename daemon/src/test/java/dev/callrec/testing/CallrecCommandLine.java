package dev.callrec.testing;

import dev.callrec.platform.Folders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged `callrec` executable as a user runs it, with its folders under a test's own root. */
public final class CallrecCommandLine {
  private static final Path JAR = Path.of(System.getProperty("callrec.jar", "target/callrec.jar"));

  private CallrecCommandLine() {}

  public static ProcessBuilder of(Path root, String... arguments) {
    Folders folders = TestDaemon.foldersIn(root);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-XX:+UseSerialGC", "-jar", JAR.toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--recordings-dir", folders.recordingsDir().toString(),
        "--state-dir", folders.stateDir().toString(), "--socket", folders.socket().toString()));
    return new ProcessBuilder(command);
  }
}
