package dev.callrec.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
   * Puts a fully written {@code temporary} file in place of {@code target}: synced first, then renamed in one
   * step where the file system allows, then the folder synced. A crash leaves the old file or the new one.
   */
  public static void replace(Path temporary, Path target) throws IOException {
    fsync(temporary);
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory(target.getParent());
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
