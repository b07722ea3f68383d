package dev.callrec.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One daemon per user: an OS file lock on {@code callrec.lock} in the state folder, holding the daemon's pid.
 * The operating system drops the lock when the process ends however it ends, so a daemon killed with
 * {@code kill -9} leaves nothing that blocks the next start.
 */
public final class InstanceLock implements AutoCloseable {
  static final String FILE = "callrec.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or throws {@link DaemonAlreadyRunningException} naming the pid that holds it. */
  public static InstanceLock acquire(Path stateDir) throws IOException {
    Path file = stateDir.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      long pid = readPid(channel);
      channel.close();
      throw new DaemonAlreadyRunningException(pid);
    }
    byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(pid), 0);
    channel.force(true);
    return new InstanceLock(channel, lock);
  }

  private static long readPid(FileChannel channel) {
    try {
      ByteBuffer text = ByteBuffer.allocate(32);
      channel.read(text, 0);
      return Long.parseLong(new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
