package dev.callrec.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the daemon runs as. */
public final class CurrentUser {
  private CurrentUser() {}

  /** The numeric user id of this process, read from a file the process itself owns. */
  public static int uid() {
    try {
      Path probe = Path.of("/proc/self");
      if (!Files.exists(probe)) {
        probe = Files.createTempFile("callrec-uid", ".probe");
        try {
          return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
          Files.deleteIfExists(probe);
        }
      }
      return (Integer) Files.getAttribute(probe, "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("Cannot tell which user this process runs as: " + e.getMessage(), e);
    }
  }
}
