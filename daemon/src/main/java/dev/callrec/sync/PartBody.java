package dev.callrec.sync;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The bytes of one S3 request (a part, or a small file whole), held in memory so their checksum can go in the
 * request's headers before they are sent. Should the SDK read them more than once, only the first read of
 * each byte counts as sent and is held to the rate.
 */
final class PartBody implements ContentStreamProvider {
  private final byte[] bytes;
  private final int length;
  private final UploadPace pace;
  private final Runnable allOut;
  private int counted;

  /** {@code allOut} runs once the last byte has been handed to the network. */
  PartBody(byte[] bytes, int length, UploadPace pace, Runnable allOut) {
    this.bytes = bytes;
    this.length = length;
    this.pace = pace;
    this.allOut = allOut;
  }

  /** How many of the bytes went out, for {@link UploadPace#rewind} when the request failed. */
  int counted() {
    return counted;
  }

  @Override
  public InputStream newStream() {
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int wanted) throws IOException {
        if (position >= length) {
          return -1;
        }
        int n = Math.min(Math.min(wanted, length - position), pace.chunkBytes());
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        if (position > counted) {
          int fresh = position - counted;
          counted = position;
          pace.sent(fresh);
          if (counted == length) {
            allOut.run();
          }
        }
        return n;
      }

      @Override
      public int available() {
        return length - position;
      }
    };
  }
}
