package dev.callrec.tray;

import dev.callrec.platform.OperatingSystem;
import dorkbox.systemTray.SystemTray;
import java.awt.GraphicsEnvironment;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts callrec in the system tray where there is one. Where there is no display or no tray host, the daemon
 * runs without a tray (one log line says so) and everything stays reachable over gRPC and the CLI; a tray that
 * fails to start is never a reason for the daemon to stop.
 */
public final class Tray {
  private static final Logger log = LoggerFactory.getLogger(Tray.class);

  private Tray() {}

  /** The tray, showing and working; empty when this desktop has none. */
  public static Optional<AutoCloseable> show(TrayActions actions) {
    String missing = missingTray();
    if (missing != null) {
      log.info("No system tray ({}); callrec runs without one, and everything stays reachable over gRPC and the CLI.",
          missing);
      return Optional.empty();
    }
    try {
      dorkbox.updates.Updates.INSTANCE.setENABLE(false);
      // dorkbox refuses root outright; whether a tray host is there is checked above instead.
      SystemTray.ENABLE_ROOT_CHECK = false;
      SystemTray tray = SystemTray.get("callrec");
      if (tray == null) {
        log.info("No system tray (the desktop offers none callrec can use); callrec runs without one.");
        return Optional.empty();
      }
      log.info("In the system tray ({})", tray.getType());
      return Optional.of(DesktopTray.show(tray, actions));
    } catch (RuntimeException | LinkageError e) {
      log.warn("The system tray could not start; callrec runs without one", e);
      return Optional.empty();
    }
  }

  /** Why there can be no tray here, or null if there may be one. */
  private static String missingTray() {
    if (GraphicsEnvironment.isHeadless()) {
      return "no display";
    }
    if (OperatingSystem.current() != OperatingSystem.LINUX) {
      return null;
    }
    if (isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
      return "no display";
    }
    if (!isBlank(System.getenv("XDG_CURRENT_DESKTOP"))) {
      return null; // a desktop session: its tray may be an AppIndicator host, which AWT cannot see
    }
    try {
      return java.awt.SystemTray.isSupported() ? null : "no tray host on display " + System.getenv("DISPLAY");
    } catch (RuntimeException | java.awt.AWTError | LinkageError e) {
      return "the display cannot be reached: " + e.getMessage();
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
