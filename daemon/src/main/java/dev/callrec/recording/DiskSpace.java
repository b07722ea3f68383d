package dev.callrec.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/**
 * How much room the recordings folder has. A recording does not start below the floor, and a running one is
 * stopped, complete and playable, once the room left falls to half of it.
 */
public final class DiskSpace {
  public static final long DEFAULT_FLOOR_BYTES = 512L * 1024 * 1024;

  private final long floorBytes;
  private final ToLongFunction<Path> usableBytes;

  public DiskSpace(long floorBytes, ToLongFunction<Path> usableBytes) {
    this.floorBytes = floorBytes;
    this.usableBytes = usableBytes;
  }

  public static DiskSpace withFloor(long floorBytes) {
    return new DiskSpace(floorBytes, DiskSpace::usableOnFileStore);
  }

  long floorBytes() {
    return floorBytes;
  }

  boolean enoughToStart(Path folder) {
    return usableBytes.applyAsLong(folder) >= floorBytes;
  }

  boolean mustStop(Path folder) {
    return usableBytes.applyAsLong(folder) < floorBytes / 2;
  }

  long usable(Path folder) {
    return usableBytes.applyAsLong(folder);
  }

  private static long usableOnFileStore(Path folder) {
    try {
      return Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE; // unknown: do not stop a recording over a failed query
    }
  }
}
