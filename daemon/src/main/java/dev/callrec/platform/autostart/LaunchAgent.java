package dev.callrec.platform.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * macOS starts at login each property list in ~/Library/LaunchAgents. The file is what persists: launchd
 * loads it (launchctl bootstrap) at the next login and unloads it (bootout) at logout, so enabling does not
 * start a second daemon now, and disabling does not stop the running one.
 */
public final class LaunchAgent implements Autostart {
  static final String LABEL = "dev.callrec.daemon";

  private final EntryFile entry;
  private final LaunchCommand command;

  public LaunchAgent(Path home, LaunchCommand command) {
    this.entry = new EntryFile(home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist"), home);
    this.command = command;
  }

  @Override
  public void enable() throws IOException {
    entry.write(plist(command.arguments()));
  }

  @Override
  public void disable() throws IOException {
    entry.delete();
  }

  @Override
  public boolean enabled() {
    return entry.exists();
  }

  @Override
  public String describe() {
    return entry.describe();
  }

  /** Started once at login, not restarted when it exits (the user may quit it), with a UI process's priority. */
  static String plist(List<String> arguments) {
    StringBuilder xml = new StringBuilder()
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ")
        .append("\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append("<plist version=\"1.0\">\n")
        .append("<dict>\n")
        .append("  <key>Label</key>\n")
        .append("  <string>").append(LABEL).append("</string>\n")
        .append("  <key>ProgramArguments</key>\n")
        .append("  <array>\n");
    for (String argument : arguments) {
      xml.append("    <string>").append(escape(argument)).append("</string>\n");
    }
    return xml.append("  </array>\n")
        .append("  <key>RunAtLoad</key>\n")
        .append("  <true/>\n")
        .append("  <key>KeepAlive</key>\n")
        .append("  <false/>\n")
        .append("  <key>ProcessType</key>\n")
        .append("  <string>Interactive</string>\n")
        .append("</dict>\n")
        .append("</plist>\n")
        .toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
