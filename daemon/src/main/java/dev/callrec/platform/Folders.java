package dev.callrec.platform;

import java.nio.file.Path;

/** The folders and the socket one daemon uses, resolved from flags, environment, config file and defaults. */
public record Folders(Path recordingsDir, Path stateDir, Path socket) {

  /** The config file the daemon and the CLI read, inside the state folder. */
  public Path configFile() {
    return stateDir.resolve(ConfigFile.NAME);
  }

  public Path logDir() {
    return stateDir.resolve("logs");
  }
}
