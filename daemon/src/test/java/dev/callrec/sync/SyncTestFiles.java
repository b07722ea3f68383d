package dev.callrec.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Recordings to upload and a look at where they landed, for the Drive tests. */
final class SyncTestFiles {
  private SyncTestFiles() {}

  /** A file of {@code size} random bytes, the same for the same seed. */
  static Path randomFile(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(file, bytes);
  }

  /** The names in a folder, hidden ones too, sorted. */
  static List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
