package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.ipc.SocketGuard;
import dev.callrec.platform.Folders;
import dev.callrec.testing.CallrecCommandLine;
import dev.callrec.testing.CallrecProcesses;
import dev.callrec.testing.TestDaemon;
import dev.callrec.testing.VirtualDisplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in a tray (Debian's trayer on a virtual display), driven the way a person does: a click on the
 * icon opens the menu, a key picks an item (xdotool). The platform's "open" command is replaced by a script
 * that notes what it was asked to open.
 */
class TrayIT {
  @TempDir
  Path root;
  @AutoClose
  final CallrecProcesses processes = new CallrecProcesses(() -> root);

  @Test
  void theMenuOpensTheRecordingsFolderAndQuitsCleanly() throws Exception {
    try (VirtualDisplay display = VirtualDisplay.start(1280, 800)) {
      start(new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
          "--height", "32", "--SetDockType", "true"), display, "trayer");
      Path opened = root.resolve("opened.txt");
      Path bin = Files.createDirectories(root.resolve("bin"));
      Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\necho \"$@\" >> '" + opened + "'\n");
      Files.setPosixFilePermissions(bin.resolve("xdg-open"), PosixFilePermissions.fromString("rwxr-xr-x"));
      ProcessBuilder run = CallrecCommandLine.of(root, "run");
      run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      Process daemon = start(run, display, "daemon");
      Folders folders = TestDaemon.foldersIn(root);
      awaitTrue("the daemon's icon is in the tray", () -> logged(folders, "In the system tray")
          && !xdotool(display, "search", "--name", "^JavaEmbeddedFrame$").isBlank());

      openMenu(display);
      Path screenshot = root.resolve("tray-menu.xwd");
      run(display, "xwd", "-root", "-silent", "-out", screenshot.toString());
      assertThat(Files.size(screenshot)).as("screenshot of the open menu").isGreaterThan(1280 * 800);
      xdotool(display, "key", "o");
      awaitTrue("the recordings folder was opened", () -> Files.exists(opened));
      assertThat(Files.readString(opened).trim()).isEqualTo(folders.recordingsDir().toString());

      openMenu(display);
      xdotool(display, "key", "q");
      assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).as("Quit ends the daemon").isTrue();
      assertThat(daemon.exitValue()).isZero();
      assertThat(log(folders)).contains("callrec stopped");
      assertThat(SocketGuard.isAnswering(folders.socket())).isFalse();
    }
  }

  @Test
  void withoutATrayHostTheDaemonRunsHeadlessAndSaysSoOnce() throws Exception {
    try (VirtualDisplay display = VirtualDisplay.start(640, 480)) {
      Process daemon = start(CallrecCommandLine.of(root, "run"), display, "daemon");
      Folders folders = TestDaemon.foldersIn(root);
      awaitTrue("the daemon says it has no tray", () -> logged(folders, "No system tray"));
      assertThat(log(folders)).containsOnlyOnce("No system tray (no tray host on display " + display.name() + ")");
      assertThat(SocketGuard.isAnswering(folders.socket())).isTrue();
      assertThat(daemon.isAlive()).isTrue();
    }
    Path headless = root.resolve("headless");
    ProcessBuilder run = CallrecCommandLine.of(headless, "run");
    run.environment().remove("DISPLAY");
    start(run, null, "headless");
    Folders folders = TestDaemon.foldersIn(headless);
    awaitTrue("the daemon says it has no display", () -> logged(folders, "No system tray"));
    assertThat(log(folders)).containsOnlyOnce("No system tray (no display)");
    assertThat(SocketGuard.isAnswering(folders.socket())).isTrue();
  }

  private Process start(ProcessBuilder builder, VirtualDisplay display, String name) throws IOException {
    if (display != null) {
      builder.environment().put("DISPLAY", display.name());
    }
    builder.environment().remove("XDG_CURRENT_DESKTOP");
    return processes.start(name, builder);
  }

  /** Clicks the icon until the menu shows: the first click can reach an icon that is still being embedded. */
  private void openMenu(VirtualDisplay display) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      clickIcon(display);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < deadline) {
        if (menuShown(display)) {
          return;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("The tray menu did not open after 5 clicks on the icon");
  }

  private void clickIcon(VirtualDisplay display) throws Exception {
    String icon = xdotool(display, "search", "--name", "^JavaEmbeddedFrame$").lines().findFirst().orElseThrow();
    Map<String, String> geometry = new java.util.HashMap<>();
    for (String line : xdotool(display, "getwindowgeometry", "--shell", icon).lines().toList()) {
      String[] pair = line.split("=", 2);
      geometry.put(pair[0], pair[1]);
    }
    int x = Integer.parseInt(geometry.get("X")) + Integer.parseInt(geometry.get("WIDTH")) / 2;
    int y = Integer.parseInt(geometry.get("Y")) + Integer.parseInt(geometry.get("HEIGHT")) / 2;
    xdotool(display, "mousemove", Integer.toString(x), Integer.toString(y), "click", "1");
  }

  /** The menu is a window of the daemon's at least a few items high. */
  private static boolean menuShown(VirtualDisplay display) {
    try {
      for (String window : xdotool(display, "search", "--onlyvisible", "--class", "dev-callrec-cli-Main").lines().toList()) {
        String geometry = xdotool(display, "getwindowgeometry", "--shell", window);
        int height = geometry.lines().filter(line -> line.startsWith("HEIGHT=")).mapToInt(
            line -> Integer.parseInt(line.substring(7))).findFirst().orElse(0);
        if (height >= 100) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private boolean logged(Folders folders, String text) throws IOException {
    return Files.exists(folders.logDir().resolve("callrec.log")) && log(folders).contains(text);
  }

  private String log(Folders folders) throws IOException {
    return Files.readString(folders.logDir().resolve("callrec.log"), StandardCharsets.UTF_8);
  }

  private static String xdotool(VirtualDisplay display, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("xdotool"));
    command.addAll(List.of(arguments));
    return run(display, command.toArray(String[]::new));
  }

  private static String run(VirtualDisplay display, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DISPLAY", display.name());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return output;
  }

  private static void awaitTrue(String what, BooleanSupplierWithException condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.get()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @FunctionalInterface
  private interface BooleanSupplierWithException {
    boolean get() throws Exception;
  }
}
