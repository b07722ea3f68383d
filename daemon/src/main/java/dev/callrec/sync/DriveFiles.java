package dev.callrec.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What every Drive agrees on: which names recordings may take, the local file's size. */
final class DriveFiles {
  private DriveFiles() {}

  /** A name is one path segment: the sanitized recording names always are; anything else is a caller's bug. */
  static void checkName(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
        || name.contains("\\") || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Not a file name: " + name);
    }
  }

  static long size(Path file) throws DriveException {
    try {
      if (!Files.isRegularFile(file)) {
        throw missing(file);
      }
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw new DriveException(DriveException.Kind.TRANSIENT,
          "Could not read the recording " + file + ": " + e.getMessage(), e);
    }
  }

  static DriveException missing(Path file) {
    return new DriveException(DriveException.Kind.PERMANENT,
        "The recording " + file + " is no longer on this computer, so it cannot be uploaded.");
  }
}
