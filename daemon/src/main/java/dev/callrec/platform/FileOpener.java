package dev.callrec.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Shows a folder in the platform's file manager, the way the desktop's own "open" command does. */
public final class FileOpener {
  private final OperatingSystem os;

  public FileOpener(OperatingSystem os) {
    this.os = os;
  }

  public void open(Path folder) throws IOException {
    List<String> command = switch (os) {
      case LINUX -> List.of("xdg-open", folder.toString());
      case MACOS -> List.of("open", folder.toString());
      case WINDOWS -> List.of("explorer.exe", folder.toString());
    };
    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
