package dev.callrec.sync;

import java.nio.file.Path;

/**
 * A place recordings are synced to: a local folder, a WebDAV server, object storage. Every method may be
 * repeated after a crash or a failure and must then do no harm: an upload whose earlier attempt already
 * landed finds it and does not land a second copy.
 */
public interface Drive extends AutoCloseable {

  /** What the user connected, for messages and {@code GetDrive}; never contains a secret. */
  String describe();

  /**
   * Checks that recordings can be written to the Drive (creating its recordings folder if need be), so that
   * connecting a wrong address or password fails at once rather than at the first upload.
   */
  void check() throws DriveException, InterruptedException;

  /**
   * Puts {@code file} into the Drive's recordings folder as {@code name}, reporting bytes sent to
   * {@code progress} as it goes. Returns where it landed; throws {@link DriveException} saying whether trying
   * again later can help.
   */
  Uploaded upload(Path file, String name, UploadProgress progress) throws DriveException, InterruptedException;

  /** A link the chat's participants can open to download and play the uploaded file. */
  String shareLink(Uploaded uploaded) throws DriveException, InterruptedException;

  @Override
  default void close() {}

  /** A file on the Drive: its path inside the Drive and the bytes it holds. */
  record Uploaded(String remotePath, long size) {}

  /** Told how many bytes of the file have been sent so far (from 0, again from 0 when an attempt restarts). */
  @FunctionalInterface
  interface UploadProgress {
    void sent(long bytes, long total);
  }
}
