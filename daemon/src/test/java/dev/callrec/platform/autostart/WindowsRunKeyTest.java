package dev.callrec.platform.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsRunKeyTest {
  private static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";

  /** A registry that remembers the calls and holds the one value reg.exe would. */
  private static final class FakeRegistry implements Registry {
    final List<List<String>> calls = new ArrayList<>();
    String value;
    int failWith;

    @Override
    public Result reg(List<String> arguments) {
      calls.add(arguments);
      if (failWith != 0) {
        return new Result(failWith, "ERROR: Access is denied.");
      }
      switch (arguments.get(0)) {
        case "add" -> value = arguments.get(arguments.indexOf("/d") + 1);
        case "delete" -> {
          if (value == null) {
            return new Result(1, "ERROR: The system was unable to find the specified registry key or value.");
          }
          value = null;
        }
        default -> {
          return new Result(value == null ? 1 : 0, value == null ? "" : "    callrec    REG_SZ    " + value);
        }
      }
      return new Result(0, "The operation completed successfully.");
    }
  }

  private final FakeRegistry registry = new FakeRegistry();

  private WindowsRunKey runKey(String launcher) {
    return new WindowsRunKey(registry, new LaunchCommand(launcher, Path.of("unused"), null));
  }

  @Test
  void addsTheQuotedCommandLineAsTheCallrecValue() throws IOException {
    runKey("C:\\Program Files\\callrec\\callrec.exe").enable();
    assertThat(registry.calls).containsExactly(List.of("add", KEY, "/v", "callrec", "/t", "REG_SZ", "/d",
        "\"C:\\Program Files\\callrec\\callrec.exe\" run", "/f"));
  }

  @Test
  void enableDisableAndStatusGoThroughRegExe() throws IOException {
    WindowsRunKey runKey = runKey("C:\\callrec\\callrec.exe");
    assertThat(runKey.enabled()).isFalse();
    runKey.enable();
    runKey.enable();
    assertThat(runKey.enabled()).isTrue();
    assertThat(registry.value).isEqualTo("C:\\callrec\\callrec.exe run");
    runKey.disable();
    assertThat(runKey.enabled()).isFalse();
    runKey.disable();
    assertThat(registry.calls).contains(List.of("query", KEY, "/v", "callrec"), List.of("delete", KEY, "/v", "callrec", "/f"));
    assertThat(registry.calls.stream().filter(call -> call.get(0).equals("delete"))).hasSize(1);
  }

  @Test
  void aFailureSaysWhatRegExeSaid() {
    registry.failWith = 1;
    assertThatThrownBy(() -> runKey("C:\\callrec\\callrec.exe").enable()).isInstanceOf(IOException.class)
        .hasMessage("Could not add callrec to the programs Windows starts at login: ERROR: Access is denied.");
  }

  @Test
  void quotesArgumentsTheWayWindowsProgramsSplitThem() {
    assertThat(WindowsRunKey.quote("plain")).isEqualTo("plain");
    assertThat(WindowsRunKey.quote("")).isEqualTo("\"\"");
    assertThat(WindowsRunKey.quote("C:\\my apps\\")).isEqualTo("\"C:\\my apps\\\\\"");
    assertThat(WindowsRunKey.quote("say \"hi\\\"")).isEqualTo("\"say \\\"hi\\\\\\\"\"");
    assertThat(WindowsRunKey.commandLine(List.of("C:\\Java 17\\bin\\javaw.exe", "-jar", "C:\\a \"b\"\\callrec.jar", "run")))
        .isEqualTo("\"C:\\Java 17\\bin\\javaw.exe\" -jar \"C:\\a \\\"b\\\"\\callrec.jar\" run");
  }
}
