package dev.callrec.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides where recordings, state and the socket live. Each folder comes from the first of: the command-line
 * flag, the environment variable, the config file in the state folder, the platform's convention.
 */
public final class FolderResolver {
  public static final String ENV_RECORDINGS_DIR = "CALLREC_RECORDINGS_DIR";
  public static final String ENV_STATE_DIR = "CALLREC_STATE_DIR";
  public static final String ENV_SOCKET = "CALLREC_SOCKET";
  static final String KEY_RECORDINGS_DIR = "recordings-dir";
  static final String KEY_SOCKET = "socket";

  private static final Pattern USER_DIRS_VIDEOS = Pattern.compile("^XDG_VIDEOS_DIR=\"?([^\"]*)\"?\\s*$");

  private final Map<String, String> env;
  private final OperatingSystem os;
  private final Path home;
  private final Locale locale;

  public FolderResolver(Map<String, String> env, OperatingSystem os, Path home, Locale locale) {
    this.env = env;
    this.os = os;
    this.home = home;
    this.locale = locale;
  }

  public static FolderResolver forThisUser() {
    return new FolderResolver(System.getenv(), OperatingSystem.current(),
        Path.of(System.getProperty("user.home")), Locale.getDefault());
  }

  public Folders resolve(FolderOverrides flags) {
    Path stateDir = first(flags.stateDir(), fromEnv(ENV_STATE_DIR)).orElseGet(this::defaultStateDir);
    ConfigFile config = ConfigFile.read(stateDir.resolve(ConfigFile.NAME));
    Path recordingsDir = first(flags.recordingsDir(), fromEnv(ENV_RECORDINGS_DIR))
        .or(() -> config.get(KEY_RECORDINGS_DIR).map(this::expandHome))
        .orElseGet(this::defaultRecordingsDir);
    Path socket = first(flags.socket(), fromEnv(ENV_SOCKET))
        .or(() -> config.get(KEY_SOCKET).map(this::expandHome))
        .orElseGet(() -> defaultSocket(stateDir));
    return new Folders(absolute(recordingsDir), absolute(stateDir), absolute(socket));
  }

  private static Optional<Path> first(Path flag, Optional<Path> fromEnv) {
    return flag != null ? Optional.of(flag) : fromEnv;
  }

  private Optional<Path> fromEnv(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()).map(this::expandHome);
  }

  private Path expandHome(String path) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private Path defaultRecordingsDir() {
    String folderName = RecordingsFolderName.forLocale(locale);
    return switch (os) {
      case MACOS -> home.resolve("Movies").resolve(folderName);
      case WINDOWS -> Path.of(env.getOrDefault("USERPROFILE", home.toString())).resolve("Videos").resolve(folderName);
      case LINUX -> xdgVideosDir().resolve(folderName);
    };
  }

  private Path defaultStateDir() {
    return switch (os) {
      case MACOS -> home.resolve("Library").resolve("Application Support").resolve("callrec");
      case WINDOWS -> Optional.ofNullable(env.get("LOCALAPPDATA")).map(Path::of)
          .orElseGet(() -> home.resolve("AppData").resolve("Local")).resolve("callrec");
      case LINUX -> Optional.ofNullable(env.get("XDG_STATE_HOME")).filter(v -> !v.isBlank()).map(Path::of)
          .orElseGet(() -> home.resolve(".local").resolve("state")).resolve("callrec");
    };
  }

  private Path defaultSocket(Path stateDir) {
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (os == OperatingSystem.LINUX && runtimeDir != null && !runtimeDir.isBlank()) {
      return Path.of(runtimeDir).resolve("callrec").resolve("callrec.sock");
    }
    return stateDir.resolve("callrec.sock");
  }

  /** $XDG_VIDEOS_DIR, else the entry in user-dirs.dirs (what desktop file managers use), else ~/Videos. */
  private Path xdgVideosDir() {
    String fromEnv = env.get("XDG_VIDEOS_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return expandUserDirsValue(fromEnv);
    }
    Path configHome = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(v -> !v.isBlank()).map(Path::of)
        .orElseGet(() -> home.resolve(".config"));
    try {
      for (String line : Files.readAllLines(configHome.resolve("user-dirs.dirs"), StandardCharsets.UTF_8)) {
        Matcher matcher = USER_DIRS_VIDEOS.matcher(line.trim());
        if (matcher.matches() && !matcher.group(1).isBlank()) {
          return expandUserDirsValue(matcher.group(1));
        }
      }
    } catch (IOException e) {
      // No user-dirs.dirs: the convention below applies.
    }
    return home.resolve("Videos");
  }

  private Path expandUserDirsValue(String value) {
    if (value.startsWith("$HOME")) {
      return home.resolve(value.substring("$HOME".length()).replaceFirst("^/", ""));
    }
    return expandHome(value);
  }
}
