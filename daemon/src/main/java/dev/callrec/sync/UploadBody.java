package dev.callrec.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The body of an upload: the recording streamed from disk with its length known up front, reported to the
 * progress callback as it goes, and held to a rate so the call keeps its bandwidth.
 */
final class UploadBody extends AbstractHttpEntity {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final Path file;
  private final long size;
  private final long bytesPerSecond;
  private final Drive.UploadProgress progress;

  /** {@code bytesPerSecond} 0 sends as fast as the network allows. */
  UploadBody(Path file, long size, long bytesPerSecond, Drive.UploadProgress progress) {
    super(ContentType.APPLICATION_OCTET_STREAM, null, false);
    this.file = file;
    this.size = size;
    this.bytesPerSecond = bytesPerSecond;
    this.progress = progress;
  }

  /** The SHA-1 of what was sent, once all of it was; null before. */

  @Override
  public long getContentLength() {
    return size;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public boolean isStreaming() {
    return false;
  }

  @Override
  public InputStream getContent() {
    throw new UnsupportedOperationException("An upload body is only written, never read");
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    int chunkBytes = bytesPerSecond > 0 ? (int) Math.max(4096, Math.min(CHUNK_BYTES, bytesPerSecond / 20)) : CHUNK_BYTES;
    ByteBuffer buffer = ByteBuffer.allocate(chunkBytes);
    long started = System.nanoTime();
    long sent = 0;
    progress.sent(0, size);
    try (FileChannel in = open()) {
      while (sent < size) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("The upload was interrupted");
        }
        buffer.clear().limit((int) Math.min(buffer.capacity(), size - sent));
        int read = read(in, buffer);
        out.write(buffer.array(), 0, read);
        sent += read;
        progress.sent(sent, size);
        holdToRate(started, sent);
      }
    }
    out.flush();
  }

  private FileChannel open() throws UnreadableFileException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UnreadableFileException(e);
    }
  }

  private int read(FileChannel in, ByteBuffer buffer) throws UnreadableFileException {
    try {
      int read = in.read(buffer);
      if (read <= 0) {
        throw new UnreadableFileException(new IOException("The recording " + file + " got shorter while it was sent"));
      }
      return read;
    } catch (UnreadableFileException e) {
      throw e;
    } catch (IOException e) {
      throw new UnreadableFileException(e);
    }
  }

  private void holdToRate(long started, long sent) throws InterruptedIOException {
    if (bytesPerSecond <= 0) {
      return;
    }
    long due = started + (long) (sent * 1e9 / bytesPerSecond);
    long ahead = due - System.nanoTime();
    if (ahead > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(ahead);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("The upload was interrupted");
      }
    }
  }

  @Override
  public void close() {}

  /** Reading the local file failed, as opposed to sending it: the network is not to blame. */
  static final class UnreadableFileException extends IOException {
    UnreadableFileException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
