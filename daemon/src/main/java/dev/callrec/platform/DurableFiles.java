package dev.callrec.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File operations that survive a power cut: data synced before it is named, names synced after. */
public final class DurableFiles {
  private DurableFiles() {}

  public static void fsync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes a rename or a new file in {@code dir} durable. Not possible on Windows, where renames are journaled. */
  public static void fsyncDirectory(Path dir) throws IOException {
    if (OperatingSystem.current() == OperatingSystem.WINDOWS) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Gives {@code source} the name {@code target} atomically, failing with {@link FileAlreadyExistsException}
   * if {@code target} exists. A plain rename would silently replace an existing file on POSIX systems; a hard
   * link cannot, so the link is made first and the old name removed after.
   */
  public static void renameNoReplace(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (UnsupportedOperationException e) {
      Files.move(source, target);
      return;
    }
    Files.delete(source);
  }
}
