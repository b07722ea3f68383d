package dev.callrec.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The optional {@code callrec.properties} in the state folder: {@code key = value} lines, UTF-8. */
public final class ConfigFile {
  public static final String NAME = "callrec.properties";

  private final Properties values;

  private ConfigFile(Properties values) {
    this.values = values;
  }

  public static ConfigFile empty() {
    return new ConfigFile(new Properties());
  }

  /** Reads the file; a missing file is an empty config, an unreadable one an error naming the file. */
  public static ConfigFile read(Path file) {
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(reader);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot read the config file " + file + ": " + e.getMessage(), e);
    }
    return new ConfigFile(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
