package dev.callrec.platform.autostart;

import dev.callrec.platform.OperatingSystem;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that starts the daemon at login: {@code <program> run}. An installed package has a native
 * launcher (jpackage names it in {@code jpackage.app-path}); a plain jar is started with the Java that runs it
 * now and the small heap the {@code ./callrec} script gives the daemon.
 */
public final class LaunchCommand {
  static final List<String> HEAP_FLAGS = List.of("-Xmx192m", "-XX:+UseSerialGC");

  private final String launcher;
  private final Path java;
  private final Path codeSource;

  /**
   * @param launcher the jpackage launcher, or null when not started by one
   * @param java the Java binary to run the jar with
   * @param codeSource where this class was loaded from: the jar, or a classes folder in a development build
   */
  LaunchCommand(String launcher, Path java, Path codeSource) {
    this.launcher = launcher;
    this.java = java;
    this.codeSource = codeSource;
  }

  /** How this process was started. */
  public static LaunchCommand forThisProcess() {
    String launcher = System.getProperty("jpackage.app-path");
    return new LaunchCommand(launcher == null || launcher.isBlank() ? null : launcher, javaBinary(), codeSource());
  }

  /**
   * The program and its arguments.
   *
   * @throws IllegalStateException when callrec runs from a classes folder, which nothing could start at login
   */
  public List<String> arguments() {
    if (launcher != null) {
      return List.of(launcher, "run");
    }
    if (codeSource == null || !Files.isRegularFile(codeSource)) {
      throw new IllegalStateException("callrec can start at login only when it runs from callrec.jar or an "
          + "installed package, not from " + (codeSource == null ? "an unknown location" : codeSource) + ".");
    }
    List<String> arguments = new ArrayList<>();
    arguments.add(java.toString());
    arguments.addAll(HEAP_FLAGS);
    arguments.add("-jar");
    arguments.add(codeSource.toString());
    arguments.add("run");
    return List.copyOf(arguments);
  }

  /**
   * The running Java. On Windows its console-less twin javaw.exe, where there is one, so that logging in does
   * not open a console window that closing would stop the daemon.
   */
  private static Path javaBinary() {
    Path java = ProcessHandle.current().info().command().map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin",
            OperatingSystem.current() == OperatingSystem.WINDOWS ? "java.exe" : "java"));
    if (java.getFileName().toString().equalsIgnoreCase("java.exe")) {
      Path javaw = java.resolveSibling("javaw.exe");
      if (Files.isRegularFile(javaw)) {
        return javaw;
      }
    }
    return java;
  }

  private static Path codeSource() {
    return Optional.ofNullable(LaunchCommand.class.getProtectionDomain().getCodeSource())
        .map(CodeSource::getLocation)
        .flatMap(location -> {
          try {
            return Optional.of(Path.of(location.toURI()));
          } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
          }
        })
        .orElse(null);
  }
}
