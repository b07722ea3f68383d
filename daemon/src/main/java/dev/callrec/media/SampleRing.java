package dev.callrec.media;

import java.nio.ShortBuffer;

/** Interleaved samples between a capture thread and the encoder thread; when full, the oldest give way. */
final class SampleRing {
  private final short[] samples;
  private long written;
  private long read;

  SampleRing(int capacity) {
    this.samples = new short[capacity];
  }

  synchronized void write(ShortBuffer source) {
    ShortBuffer from = source.duplicate();
    while (from.hasRemaining()) {
      samples[(int) (written++ % samples.length)] = from.get();
    }
    if (written - read > samples.length) {
      read = written - samples.length;
    }
  }

  synchronized int available() {
    return (int) (written - read);
  }

  /** Copies up to {@code count} samples into {@code into}; returns how many. */
  synchronized int read(short[] into, int count) {
    int n = (int) Math.min(count, written - read);
    for (int i = 0; i < n; i++) {
      into[i] = samples[(int) (read++ % samples.length)];
    }
    return n;
  }

  synchronized void skip(int count) {
    read += Math.min(count, written - read);
  }
}
