package dev.callrec.platform.autostart;

import dev.callrec.platform.OperatingSystem;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether the daemon starts when the user logs in. Each desktop keeps its own list of programs to start, so
 * there is one implementation per operating system; all of them only change that list, never a running daemon.
 */
public interface Autostart {

  /** Adds the daemon to the programs started at login, replacing an older entry. Doing it twice is harmless. */
  void enable() throws IOException;

  /** Removes the daemon from the programs started at login, if it is there. */
  void disable() throws IOException;

  boolean enabled() throws IOException;

  /** Where the entry lives, in words the user can look up, e.g. "~/.config/autostart/callrec.desktop". */
  String describe();

  /** The implementation for this operating system and user, starting the daemon with {@code command}. */
  static Autostart forThisMachine(LaunchCommand command) {
    Path home = Path.of(System.getProperty("user.home"));
    return switch (OperatingSystem.current()) {
      case LINUX -> new XdgAutostart(XdgAutostart.autostartDir(System.getenv(), home), home, command);
      case MACOS -> new LaunchAgent(home, command);
      case WINDOWS -> new WindowsRunKey(Registry.regExe(), command);
    };
  }
}
