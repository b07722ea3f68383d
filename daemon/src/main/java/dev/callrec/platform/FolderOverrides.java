package dev.callrec.platform;

import java.nio.file.Path;

/** Folders given on the command line; null where the flag was not given. */
public record FolderOverrides(Path recordingsDir, Path stateDir, Path socket) {

  public static FolderOverrides none() {
    return new FolderOverrides(null, null, null);
  }
}
