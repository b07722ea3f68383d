package dev.callrec.platform.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdgAutostartTest {
  @TempDir
  Path home;

  private Path jar(String folder) throws IOException {
    return Files.createFile(Files.createDirectories(home.resolve(folder)).resolve("callrec.jar"));
  }

  private XdgAutostart autostart(Path jar) {
    return new XdgAutostart(XdgAutostart.autostartDir(Map.of(), home), home,
        new LaunchCommand(null, Path.of("/usr/bin/java"), jar));
  }

  private Map<String, String> desktopEntry() throws IOException {
    List<String> lines = Files.readAllLines(home.resolve(".config/autostart/callrec.desktop"));
    assertThat(lines.get(0)).isEqualTo("[Desktop Entry]");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    return keys;
  }

  @Test
  void writesADesktopEntryThatStartsTheDaemon() throws Exception {
    Path jar = jar("apps");
    autostart(jar).enable();
    Map<String, String> entry = desktopEntry();
    assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "callrec")
        .containsEntry("Terminal", "false").containsEntry("NoDisplay", "true")
        .containsEntry("X-GNOME-Autostart-enabled", "true").containsKey("Comment")
        .containsEntry("Exec", "/usr/bin/java -Xmx192m -XX:+UseSerialGC -jar " + jar + " run");
    assertThat(autostart(jar).describe()).isEqualTo("~/.config/autostart/callrec.desktop");
  }

  @Test
  void quotesAnArgumentWithASpaceOrAQuoteAsTheSpecSays() throws Exception {
    Path jar = jar("my \"odd\" apps");
    autostart(jar).enable();
    String exec = desktopEntry().get("Exec");
    assertThat(exec).endsWith(" -jar \"" + home + "/my \\\\\"odd\\\\\" apps/callrec.jar\" run");
    assertThat(splitExec(exec)).containsExactly("/usr/bin/java", "-Xmx192m", "-XX:+UseSerialGC", "-jar",
        jar.toString(), "run");
  }

  @Test
  void escapesBackslashesDollarsAndPercentSigns() {
    List<String> arguments = List.of("C:\\a b\\java", "$HOME", "100%", "plain");
    String exec = XdgAutostart.exec(arguments);
    assertThat(exec).isEqualTo("\"C:\\\\\\\\a b\\\\\\\\java\" \"\\\\$HOME\" 100%% plain");
    assertThat(splitExec(exec)).isEqualTo(arguments);
  }

  @Test
  void enableIsIdempotentAndDisableRemovesTheEntry() throws Exception {
    XdgAutostart autostart = autostart(jar("apps"));
    assertThat(autostart.enabled()).isFalse();
    autostart.enable();
    String first = Files.readString(home.resolve(".config/autostart/callrec.desktop"));
    autostart.enable();
    assertThat(autostart.enabled()).isTrue();
    assertThat(Files.readString(home.resolve(".config/autostart/callrec.desktop"))).isEqualTo(first);
    try (var files = Files.list(home.resolve(".config/autostart"))) {
      assertThat(files).containsExactly(home.resolve(".config/autostart/callrec.desktop"));
    }
    autostart.disable();
    assertThat(autostart.enabled()).isFalse();
    assertThat(home.resolve(".config/autostart/callrec.desktop")).doesNotExist();
    autostart.disable();
  }

  @Test
  void anEntrySwitchedOffByTheDesktopIsNotEnabled() throws Exception {
    XdgAutostart autostart = autostart(jar("apps"));
    Path file = home.resolve(".config/autostart/callrec.desktop");
    autostart.enable();
    Files.writeString(file, Files.readString(file) + "Hidden=true\n");
    assertThat(autostart.enabled()).isFalse();
    autostart.enable();
    Files.writeString(file, Files.readString(file).replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"));
    assertThat(autostart.enabled()).isFalse();
  }

  @Test
  void followsXdgConfigHomeWhenItIsAbsolute() {
    assertThat(XdgAutostart.autostartDir(Map.of("XDG_CONFIG_HOME", "/etc/me"), home)).isEqualTo(Path.of("/etc/me/autostart"));
    assertThat(XdgAutostart.autostartDir(Map.of("XDG_CONFIG_HOME", "relative"), home))
        .isEqualTo(home.resolve(".config/autostart"));
  }

  /** Reads an Exec value back the way a desktop does: string unescaping, then the quoting rules. */
  private static List<String> splitExec(String value) {
    StringBuilder unescaped = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        unescaped.append(switch (next) {
          case 's' -> ' ';
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        unescaped.append(c);
      }
    }
    List<String> arguments = new ArrayList<>();
    StringBuilder current = null;
    boolean quoted = false;
    String line = unescaped.toString();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' || c == '%') {
          current.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == ' ') {
        if (current != null) {
          arguments.add(current.toString());
          current = null;
        }
      } else {
        current = current == null ? new StringBuilder() : current;
        if (c == '"') {
          quoted = true;
        } else if (c == '%') {
          current.append(line.charAt(++i));
        } else {
          current.append(c);
        }
      }
    }
    if (current != null) {
      arguments.add(current.toString());
    }
    return arguments;
  }
}
