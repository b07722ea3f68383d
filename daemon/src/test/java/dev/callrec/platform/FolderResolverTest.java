package dev.callrec.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderResolverTest {
  @TempDir
  Path home;

  private Folders resolve(Map<String, String> env, FolderOverrides flags, OperatingSystem os, Locale locale) {
    return new FolderResolver(env, os, home, locale).resolve(flags);
  }

  @Test
  void linuxDefaultsFollowXdg() {
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "XDG_STATE_HOME", home + "/state");
    Folders folders = resolve(env, FolderOverrides.none(), OperatingSystem.LINUX, Locale.ENGLISH);
    assertThat(folders.recordingsDir()).isEqualTo(home.resolve("Videos/Recorded video calls"));
    assertThat(folders.stateDir()).isEqualTo(home.resolve("state/callrec"));
    assertThat(folders.socket()).isEqualTo(Path.of("/run/user/1000/callrec/callrec.sock"));
  }

  @Test
  void recordingsFolderIsLocalisedAndFollowsUserDirs() throws IOException {
    Files.createDirectories(home.resolve(".config"));
    Files.writeString(home.resolve(".config/user-dirs.dirs"), "# written by xdg-user-dirs-update\nXDG_VIDEOS_DIR=\"$HOME/Filme\"\n");
    Folders folders = resolve(Map.of(), FolderOverrides.none(), OperatingSystem.LINUX, Locale.GERMAN);
    assertThat(folders.recordingsDir()).isEqualTo(home.resolve("Filme/Aufgezeichnete Videoanrufe"));
    assertThat(folders.socket()).isEqualTo(home.resolve(".local/state/callrec/callrec.sock"));
  }

  @Test
  void macosAndWindowsConventions() {
    Folders mac = resolve(Map.of(), FolderOverrides.none(), OperatingSystem.MACOS, Locale.ENGLISH);
    assertThat(mac.recordingsDir()).isEqualTo(home.resolve("Movies/Recorded video calls"));
    assertThat(mac.stateDir()).isEqualTo(home.resolve("Library/Application Support/callrec"));
    Folders windows = resolve(Map.of("USERPROFILE", home.toString(), "LOCALAPPDATA", home + "/AppData/Local"),
        FolderOverrides.none(), OperatingSystem.WINDOWS, Locale.GERMAN);
    assertThat(windows.recordingsDir()).isEqualTo(home.resolve("Videos/Aufgezeichnete Videoanrufe"));
    assertThat(windows.stateDir()).isEqualTo(home.resolve("AppData/Local/callrec"));
  }

  @Test
  void flagBeatsEnvironmentBeatsConfigFile() throws IOException {
    Path state = Files.createDirectories(home.resolve("state"));
    Files.writeString(state.resolve(ConfigFile.NAME), "recordings-dir = ~/from-config\nsocket = /tmp/from-config.sock\n");
    Map<String, String> env = new HashMap<>(Map.of(FolderResolver.ENV_STATE_DIR, state.toString()));

    Folders fromConfig = resolve(env, FolderOverrides.none(), OperatingSystem.LINUX, Locale.ENGLISH);
    assertThat(fromConfig.recordingsDir()).isEqualTo(home.resolve("from-config"));
    assertThat(fromConfig.socket()).isEqualTo(Path.of("/tmp/from-config.sock"));

    env.put(FolderResolver.ENV_RECORDINGS_DIR, home + "/from-env");
    Folders fromEnv = resolve(env, FolderOverrides.none(), OperatingSystem.LINUX, Locale.ENGLISH);
    assertThat(fromEnv.recordingsDir()).isEqualTo(home.resolve("from-env"));

    Folders fromFlag = resolve(env, new FolderOverrides(home.resolve("from-flag"), null, Path.of("/tmp/flag.sock")),
        OperatingSystem.LINUX, Locale.ENGLISH);
    assertThat(fromFlag.recordingsDir()).isEqualTo(home.resolve("from-flag"));
    assertThat(fromFlag.socket()).isEqualTo(Path.of("/tmp/flag.sock"));
    assertThat(fromFlag.stateDir()).isEqualTo(state);
  }
}
