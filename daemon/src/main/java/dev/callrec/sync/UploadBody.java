package dev.callrec.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The body of an upload: the recording streamed from disk with its length known up front, reported to the
 * progress callback as it goes, and held to a rate so the call keeps its bandwidth.
 */
final class UploadBody extends AbstractHttpEntity {
  private final Path file;
  private final long size;
  private final UploadPace pace;

  /** {@code bytesPerSecond} 0 sends as fast as the network allows. */
  UploadBody(Path file, long size, long bytesPerSecond, Drive.UploadProgress progress) {
    super(ContentType.APPLICATION_OCTET_STREAM, null, false);
    this.file = file;
    this.size = size;
    this.pace = new UploadPace(bytesPerSecond, size, progress);
  }

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
    ByteBuffer buffer = ByteBuffer.allocate(pace.chunkBytes());
    long sent = 0;
    pace.start(0);
    try (FileChannel in = open()) {
      while (sent < size) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), size - sent));
        int read = read(in, buffer);
        out.write(buffer.array(), 0, read);
        sent += read;
        pace.sent(read);
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

  @Override
  public void close() {}

  /** Reading the local file failed, as opposed to sending it: the network is not to blame. */
  static final class UnreadableFileException extends IOException {
    UnreadableFileException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
