package dev.callrec.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * Secrets (Drive passwords) in a properties file only the user can read (0600 where the file system has
 * POSIX permissions; elsewhere the state folder's own access rules apply). Written whole through a temporary
 * file, so that a crash leaves the old secrets or the new ones, never half of either.
 */
public final class SecretFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;

  public SecretFile(Path file) {
    this.file = file;
  }

  public synchronized String get(String key) throws IOException {
    return load().getProperty(key);
  }

  public synchronized void put(String key, String value) throws IOException {
    Properties secrets = load();
    secrets.setProperty(key, value);
    store(secrets);
  }

  public synchronized void remove(String key) throws IOException {
    Properties secrets = load();
    if (secrets.remove(key) != null) {
      store(secrets);
    }
  }

  private Properties load() throws IOException {
    Properties secrets = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        secrets.load(in);
      }
    }
    return secrets;
  }

  private void store(Properties secrets) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(temporary);
    }
    try (OutputStream out = Files.newOutputStream(temporary)) {
      secrets.store(out, "callrec secrets: keep private");
    }
    DurableFiles.replace(temporary, file);
  }
}
