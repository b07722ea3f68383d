package dev.callrec.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingFileNamesTest {
  private static final LocalDate DATE = LocalDate.of(2026, 12, 4);

  /** Titles a chat app may well send: path tricks, device names, characters Windows or macOS reject. */
  static final List<String> HOSTILE_TITLES = List.of(
      "../../etc/passwd", "..", ".", "/", "\\\\server\\share", "C:\\Windows\\system32", "CON", "con.txt", "NUL.",
      "LPT1", "aux ", "a/b\\c:d*e?f\"g<h>i|j", "   ", "...", "\u202Egnp.exe", "zero\u200Bwidth", "tab\tand\nnewline",
      "nul\u0000byte", "bell\u0007", ".hidden", "trailing dots...", "trailing space ", "x".repeat(500),
      "ü".repeat(200), "😀".repeat(100), "Ω Team · Sync", "%s%n${jndi:x}", "$(rm -rf ~)", "-rf", "*");

  @Test
  void namesAfterChatCallAndDate() {
    assertThat(RecordingFileNames.withSequence(RecordingFileNames.baseName("Team sync", 3, DATE), 1))
        .isEqualTo("Team sync - Call 3 - 2026-12-04.webm");
    assertThat(RecordingFileNames.withSequence(RecordingFileNames.baseName("Team sync", 3, DATE), 2))
        .isEqualTo("Team sync - Call 3 - 2026-12-04 (2).webm");
  }

  @Test
  void hostileTitlesGiveSafeDistinctNamesInsideTheFolder(@TempDir Path folder) throws IOException {
    RecordingFileNames names = new RecordingFileNames(folder);
    Set<Path> seen = new HashSet<>();
    for (String title : HOSTILE_TITLES) {
      Path file = names.reserve(RecordingFileNames.baseName(title, 1, DATE), 1).file();
      String name = file.getFileName().toString();
      assertThat(file.getParent()).as(title).isEqualTo(folder);
      assertThat(name).as(title).doesNotContainPattern("[/\\\\:*?\"<>|\\p{Cc}\\p{Cf}]").doesNotStartWith(".");
      assertThat(name.getBytes(StandardCharsets.UTF_8).length + ".part".length() + 1).as(title).isLessThanOrEqualTo(255);
      assertThat(name.split("\\.")[0].trim().toUpperCase()).isNotIn("CON", "NUL", "AUX", "PRN", "LPT1");
      Files.createFile(file); // the file system takes it
      Files.createFile(RecordingFileNames.partFileFor(file));
      assertThat(seen.add(file)).as("distinct name for %s", title).isTrue();
    }
  }

  @Test
  void neverHandsOutANameThatExistsOrIsHeld(@TempDir Path folder) throws IOException {
    RecordingFileNames names = new RecordingFileNames(folder);
    String base = RecordingFileNames.baseName("Team sync", 1, DATE);
    Files.createFile(folder.resolve("Team sync - Call 1 - 2026-12-04.webm"));
    Files.createFile(folder.resolve(".Team sync - Call 1 - 2026-12-04 (2).webm.part"));

    RecordingFileNames.Reservation first = names.reserve(base, 1);
    RecordingFileNames.Reservation second = names.reserve(base, 1);

    assertThat(first.file().getFileName()).hasToString("Team sync - Call 1 - 2026-12-04 (3).webm");
    assertThat(first.sequence()).isEqualTo(3);
    assertThat(second.file().getFileName()).hasToString("Team sync - Call 1 - 2026-12-04 (4).webm");
    names.release(first.file());
    assertThat(names.reserve(base, 1).file()).isEqualTo(first.file());
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "Team sync => Team sync",
      "'  Team   sync  ' => Team sync",
      "Q&A: budget? => Q&A_ budget_",
      "../x => _x",
      "CON => _CON",
      "con.txt => _con.txt",
      "'' => Untitled chat",
      "... => Untitled chat"})
  void sanitizes(String title, String expected) {
    assertThat(FileNameSanitizer.sanitize(title)).isEqualTo(expected);
  }
}
