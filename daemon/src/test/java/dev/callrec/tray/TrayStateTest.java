package dev.callrec.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrayStateTest {

  @Test
  void theStatusLineShowsTheChatAndTheTimeLikeTheRecordButton() {
    assertThat(state("Team sync", 42_500, 0, -1, true, false).statusLine()).isEqualTo("Recording · Team sync · 00:42");
    assertThat(state(null, 0, 0, -1, true, false).statusLine()).isEqualTo("callrec · not recording");
  }

  @Test
  void theUploadsLineSaysWhatIsPendingAndWhatHoldsItBack() {
    assertThat(state(null, 0, 0, -1, true, false).uploadsLine()).isEqualTo("All recordings synced");
    assertThat(state(null, 0, 2, 45, true, false).uploadsLine()).isEqualTo("Uploads: 2 pending (45 %)");
    assertThat(state(null, 0, 1, -1, true, false).uploadsLine()).isEqualTo("Uploads: 1 pending");
    assertThat(state(null, 0, 3, 10, true, true).uploadsLine()).isEqualTo("Uploads: 3 pending (paused)");
    assertThat(state(null, 0, 3, -1, false, false).uploadsLine()).isEqualTo("Uploads: 3 pending (connect a Drive)");
  }

  @Test
  void aShareQuestionNamesTheRecording() {
    assertThat(TrayState.shareItem(new TrayState.ShareQuestion(7, "Team sync - Call 3 - 2026-12-04")))
        .isEqualTo("Share 'Team sync - Call 3 - 2026-12-04'…");
  }

  private static TrayState state(String chat, long elapsedMs, int pending, int percent, boolean drive, boolean paused) {
    return new TrayState(chat, elapsedMs, pending, percent, drive, paused, List.of());
  }
}
