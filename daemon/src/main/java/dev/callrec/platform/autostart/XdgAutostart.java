package dev.callrec.platform.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Linux desktops (GNOME, KDE, Xfce, ...) start at login every desktop entry in the user's autostart folder,
 * per the freedesktop.org Desktop Application Autostart and Desktop Entry specifications.
 */
public final class XdgAutostart implements Autostart {
  static final String FILE_NAME = "callrec.desktop";

  /** The characters that oblige the Desktop Entry spec to quote an Exec argument. */
  private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

  private final EntryFile entry;
  private final LaunchCommand command;

  /**
   * @param autostartDir the folder the desktop reads, usually {@link #autostartDir(Map, Path)}
   * @param home the user's home folder, to show the entry's path the short way
   */
  public XdgAutostart(Path autostartDir, Path home, LaunchCommand command) {
    this.entry = new EntryFile(autostartDir.resolve(FILE_NAME), home);
    this.command = command;
  }

  /** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart; the spec ignores a relative $XDG_CONFIG_HOME. */
  public static Path autostartDir(Map<String, String> env, Path home) {
    return Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(v -> !v.isBlank()).map(Path::of)
        .filter(Path::isAbsolute).orElseGet(() -> home.resolve(".config")).resolve("autostart");
  }

  @Override
  public void enable() throws IOException {
    entry.write(desktopEntry(command.arguments()));
  }

  @Override
  public void disable() throws IOException {
    entry.delete();
  }

  /**
   * The entry exists and is not switched off: {@code Hidden=true} is the spec's way, and GNOME's "Startup
   * Applications" writes {@code X-GNOME-Autostart-enabled=false} instead of deleting the file.
   */
  @Override
  public boolean enabled() throws IOException {
    if (!entry.exists()) {
      return false;
    }
    Map<String, String> keys = new HashMap<>();
    boolean inMainGroup = false;
    for (String line : entry.read().lines().map(String::strip).toList()) {
      if (line.startsWith("[")) {
        inMainGroup = line.equals("[Desktop Entry]");
      } else if (inMainGroup && line.contains("=") && !line.startsWith("#")) {
        keys.putIfAbsent(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
      }
    }
    return !"true".equalsIgnoreCase(keys.get("Hidden"))
        && !"false".equalsIgnoreCase(keys.get("X-GNOME-Autostart-enabled"));
  }

  @Override
  public String describe() {
    return entry.describe();
  }

  static String desktopEntry(List<String> arguments) {
    return "[Desktop Entry]\n"
        + "Type=Application\n"
        + "Name=callrec\n"
        + "Comment=Records video calls\n"
        + "Exec=" + exec(arguments) + "\n"
        + "Icon=camera-video\n"
        + "Terminal=false\n"
        + "NoDisplay=true\n"
        + "X-GNOME-Autostart-enabled=true\n";
  }

  /**
   * The Exec value: each argument quoted if it has a reserved character, with {@code "}, {@code `}, {@code $}
   * and {@code \} escaped inside the quotes, {@code %} doubled (it starts field codes), and then the whole value
   * escaped as a string value, which doubles every backslash once more.
   */
  static String exec(List<String> arguments) {
    String line = arguments.stream().map(XdgAutostart::quote).collect(Collectors.joining(" "));
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }

  private static String quote(String argument) {
    String literal = argument.replace("%", "%%");
    if (!literal.isEmpty() && literal.chars().noneMatch(c -> RESERVED.indexOf(c) >= 0)) {
      return literal;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : literal.toCharArray()) {
      if (c == '"' || c == '`' || c == '$' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('"').toString();
  }
}
