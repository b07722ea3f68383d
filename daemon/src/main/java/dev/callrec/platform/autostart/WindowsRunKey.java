package dev.callrec.platform.autostart;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Windows starts at login each command line under the current user's Run key; callrec's is the value
 * "callrec". Only the user's own key is touched, so no administrator rights are needed.
 */
public final class WindowsRunKey implements Autostart {
  static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
  static final String VALUE = "callrec";

  private final Registry registry;
  private final LaunchCommand command;

  public WindowsRunKey(Registry registry, LaunchCommand command) {
    this.registry = registry;
    this.command = command;
  }

  @Override
  public void enable() throws IOException {
    String commandLine = commandLine(command.arguments());
    check(registry.reg(List.of("add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", commandLine, "/f")),
        "Could not add callrec to the programs Windows starts at login");
  }

  @Override
  public void disable() throws IOException {
    if (enabled()) {
      check(registry.reg(List.of("delete", KEY, "/v", VALUE, "/f")),
          "Could not remove callrec from the programs Windows starts at login");
    }
  }

  @Override
  public boolean enabled() throws IOException {
    return registry.reg(List.of("query", KEY, "/v", VALUE)).exitCode() == 0;
  }

  @Override
  public String describe() {
    return "the value \"" + VALUE + "\" under " + KEY;
  }

  private static void check(Registry.Result result, String failure) throws IOException {
    if (result.exitCode() != 0) {
      throw new IOException(failure + (result.output().isBlank() ? "." : ": " + result.output()));
    }
  }

  static String commandLine(List<String> arguments) {
    return arguments.stream().map(WindowsRunKey::quote).collect(Collectors.joining(" "));
  }

  /**
   * Quotes one argument the way Windows programs split their command line (CommandLineToArgvW): in double
   * quotes if it has a space, a tab or a quote; a quote inside escaped with a backslash, and the backslashes
   * right before a quote doubled so that they stay backslashes.
   */
  static String quote(String argument) {
    if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
      return argument;
    }
    StringBuilder quoted = new StringBuilder("\"");
    int backslashes = 0;
    for (char c : argument.toCharArray()) {
      if (c == '\\') {
        backslashes++;
        continue;
      }
      quoted.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes)).append(c);
      backslashes = 0;
    }
    return quoted.append("\\".repeat(backslashes * 2)).append('"').toString();
  }
}
