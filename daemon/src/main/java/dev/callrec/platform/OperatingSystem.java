package dev.callrec.platform;

import java.util.Locale;

/** The operating system families whose folder conventions callrec follows. */
public enum OperatingSystem {
  LINUX, MACOS, WINDOWS;

  public static OperatingSystem current() {
    return fromName(System.getProperty("os.name", ""));
  }

  static OperatingSystem fromName(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MACOS;
    }
    return LINUX;
  }
}
