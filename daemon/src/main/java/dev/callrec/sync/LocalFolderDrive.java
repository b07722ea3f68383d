package dev.callrec.sync;

import dev.callrec.platform.DurableFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder on this computer that a desktop app keeps in sync with a cloud Drive (Nextcloud, Dropbox, OneDrive
 * and the like), or any folder at all. A recording is copied to a hidden name next to where it belongs, synced
 * to disk, and only then given its name, so the sync app never picks up half a file.
 *
 * <p>Failures map to kinds as follows: the recording gone from this computer, a different file already holding
 * the name, a Drive folder that is missing, not writable or read-only are {@code PERMANENT}, since the user has
 * to act; a full disk or quota is {@code QUOTA}; any other I/O error (a network file system hiccup, a sync app
 * holding a lock) is {@code TRANSIENT}.
 */
public final class LocalFolderDrive implements Drive {
  private static final Logger log = LoggerFactory.getLogger(LocalFolderDrive.class);
  private static final int CHUNK_BYTES = 1024 * 1024;

  private final Path driveRoot;
  private final Path folder;

  public LocalFolderDrive(Path driveRoot) {
    this.driveRoot = driveRoot.toAbsolutePath().normalize();
    this.folder = this.driveRoot.resolve(Drives.FOLDER);
  }

  @Override
  public String describe() {
    return "the folder " + driveRoot;
  }

  /** Makes the recordings folder if need be, and writes (then removes) a hidden file in it. */
  @Override
  public void check() throws DriveException {
    Path probe = folder.resolve(".callrec-check");
    try {
      requireRoot();
      Files.createDirectories(folder);
      Files.deleteIfExists(probe);
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      deleteQuietly(probe);
      throw failure(e);
    }
  }

  @Override
  public Uploaded upload(Path file, String name, UploadProgress progress)
      throws DriveException, InterruptedException {
    DriveFiles.checkName(name);
    long size = DriveFiles.size(file);
    Path target = folder.resolve(name);
    Uploaded uploaded = new Uploaded(Drives.FOLDER + "/" + name, size);
    Path temporary = folder.resolve("." + name + ".upload");
    try {
      requireRoot();
      if (Files.exists(target)) {
        return alreadyThere(file, target, uploaded, progress);
      }
      Files.createDirectories(folder);
      copy(file, temporary, size, progress);
      DurableFiles.fsync(temporary);
      try {
        DurableFiles.renameNoReplace(temporary, target);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(temporary);
        return alreadyThere(file, target, uploaded, progress);
      }
      DurableFiles.fsyncDirectory(folder);
      log.info("Copied {} to {}", file, target);
      return uploaded;
    } catch (InterruptedIOException e) {
      deleteQuietly(temporary);
      throw new InterruptedException("The copy of " + file + " was interrupted");
    } catch (NoSuchFileException e) {
      deleteQuietly(temporary);
      if (!Files.exists(file)) {
        throw DriveFiles.missing(file);
      }
      throw failure(e);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw failure(e);
    }
  }

  /** The Drive folder's copy is the file's {@code file:} URI: the sync app shares it, not callrec. */
  @Override
  public String shareLink(Uploaded uploaded) {
    return driveRoot.resolve(uploaded.remotePath()).toUri().toString();
  }

  /** An earlier attempt that landed is done; anything else under the name is the user's, and is left alone. */
  private Uploaded alreadyThere(Path file, Path target, Uploaded uploaded, UploadProgress progress)
      throws IOException, DriveException {
    if (Files.isRegularFile(target) && Files.size(target) == uploaded.size() && Files.mismatch(file, target) == -1) {
      progress.sent(uploaded.size(), uploaded.size());
      return uploaded;
    }
    throw new DriveException(DriveException.Kind.PERMANENT, "A different file named \"" + target.getFileName()
        + "\" is already in " + folder + ". Rename or remove it, and the recording will be copied there.");
  }

  /** The Drive folder itself is never created: a missing one is a sync app uninstalled or a disk unplugged. */
  private void requireRoot() throws DriveException {
    if (!Files.isDirectory(driveRoot)) {
      throw new DriveException(DriveException.Kind.PERMANENT, "The Drive folder " + driveRoot
          + " is not there any more. Connect the Drive again, or choose another folder.");
    }
  }

  private static void copy(Path file, Path temporary, long size, UploadProgress progress) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      long copied = 0;
      progress.sent(0, size);
      while (copied < size) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException();
        }
        long moved = in.transferTo(copied, Math.min(CHUNK_BYTES, size - copied), out);
        if (moved <= 0) {
          throw new IOException("The recording " + file + " got shorter while it was being copied");
        }
        copied += moved;
        progress.sent(copied, size);
      }
    }
  }

  private DriveException failure(IOException e) {
    String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    if (reason != null && (reason.contains("No space left on device") || reason.contains("Disk quota exceeded"))) {
      return new DriveException(DriveException.Kind.QUOTA,
          "The Drive folder " + driveRoot + " is full. Make room there, and the recording will be copied.", e);
    }
    if (e instanceof AccessDeniedException || (reason != null && reason.contains("Read-only file system"))) {
      return new DriveException(DriveException.Kind.PERMANENT,
          "callrec may not write to the Drive folder " + folder + ". Check its permissions.", e);
    }
    return new DriveException(DriveException.Kind.TRANSIENT,
        "Could not copy the recording to " + folder + ": " + (reason != null ? reason : e.toString()), e);
  }

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      log.warn("Could not remove {}", temporary, e);
    }
  }
}
