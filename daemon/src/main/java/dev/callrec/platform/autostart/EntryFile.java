package dev.callrec.platform.autostart;

import dev.callrec.platform.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one file that makes a desktop start callrec at login. It is replaced whole through a temporary file, so
 * that a crash leaves the old entry or the new one: a half-written entry would start nothing, silently.
 */
final class EntryFile {
  private final Path file;
  private final Path home;

  EntryFile(Path file, Path home) {
    this.file = file;
    this.home = home;
  }

  Path path() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  String read() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  void write(String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    DurableFiles.replace(temporary, file);
  }

  void delete() throws IOException {
    if (Files.deleteIfExists(file)) {
      DurableFiles.fsyncDirectory(file.getParent());
    }
  }

  /** The path as the user would type it: "~/..." inside the home folder. */
  String describe() {
    if (file.startsWith(home) && !file.equals(home)) {
      return "~/" + home.relativize(file).toString().replace('\\', '/');
    }
    return file.toString();
  }
}
