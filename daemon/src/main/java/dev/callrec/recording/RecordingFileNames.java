package dev.callrec.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Names recordings {@code <chat> - Call <N> - <YYYY-MM-DD>.webm}, the second and later of one call
 * {@code ... (2).webm}, and hands out only names that no file in the folder has and no running recording holds.
 */
public final class RecordingFileNames {
  static final String EXTENSION = ".webm";

  private final Path folder;
  private final Set<String> reserved = new HashSet<>();

  /** A name held for one recording; {@code sequence} is the number in its " (k)" suffix, 1 for none. */
  public record Reservation(Path file, int sequence) {}

  public RecordingFileNames(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  public static String baseName(String chatName, int callNumber, LocalDate date) {
    return FileNameSanitizer.sanitize(chatName) + " - Call " + callNumber + " - " + date;
  }

  static String withSequence(String baseName, int sequence) {
    return sequence <= 1 ? baseName + EXTENSION : baseName + " (" + sequence + ")" + EXTENSION;
  }

  /** The hidden name a recording has while it is being written. */
  public static Path partFileFor(Path finalFile) {
    return finalFile.resolveSibling("." + finalFile.getFileName() + ".part");
  }

  /** The hidden name of the completed copy while it is being written and synced, before it takes the final name. */
  public static Path completingFileFor(Path finalFile) {
    return finalFile.resolveSibling("." + finalFile.getFileName() + ".completing");
  }

  /**
   * Reserves the first free name at or after {@code sequence}. Free means: no file with the name or its
   * {@code .part} form exists, and no other recording holds it. Release it with {@link #release(Path)}.
   */
  public synchronized Reservation reserve(String baseName, int sequence) throws IOException {
    for (int candidate = Math.max(1, sequence); candidate < 10_000; candidate++) {
      Path file = insideFolder(withSequence(baseName, candidate));
      if (!reserved.contains(file.getFileName().toString())
          && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(partFileFor(file), LinkOption.NOFOLLOW_LINKS)) {
        reserved.add(file.getFileName().toString());
        return new Reservation(file, candidate);
      }
    }
    throw new IOException("No free file name left for \"" + baseName + "\" in " + folder);
  }

  public synchronized void release(Path file) {
    reserved.remove(file.getFileName().toString());
  }

  private Path insideFolder(String name) throws IOException {
    Path file = folder.resolve(name).normalize();
    if (!folder.equals(file.getParent())) {
      throw new IOException("Refusing a file name that leaves the recordings folder: " + name);
    }
    return file;
  }
}
