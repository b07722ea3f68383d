package dev.callrec.platform.autostart;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Windows registry, reached through reg.exe: the one part of {@link WindowsRunKey} tests cannot run. */
public interface Registry {

  /** What reg.exe answered: exit code 0 is success (for {@code query}: the value exists). */
  record Result(int exitCode, String output) {}

  /** Runs reg.exe with {@code arguments}, e.g. {@code [query, HKCU\..., /v, callrec]}, and waits for it. */
  Result reg(List<String> arguments) throws IOException;

  /** The real reg.exe, from the Windows folder rather than the PATH. */
  static Registry regExe() {
    return Registry::runRegExe;
  }

  /**
   * Each argument goes through the command line quoted for reg.exe's parser: Java would wrap one with spaces
   * in quotes but leave the quotes inside it, as in the Run value's own quoted program path, unescaped.
   */
  private static Result runRegExe(List<String> arguments) throws IOException {
    String windows = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
    List<String> command = new ArrayList<>();
    command.add(Path.of(windows, "System32", "reg.exe").toString());
    arguments.stream().map(WindowsRunKey::quote).forEach(command::add);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    Charset console = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
    String output = new String(process.getInputStream().readAllBytes(), console).strip();
    try {
      return new Result(process.waitFor(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for reg.exe.");
    }
  }
}
