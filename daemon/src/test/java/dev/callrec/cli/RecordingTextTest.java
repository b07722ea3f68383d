package dev.callrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.proto.v1.Recording;
import org.junit.jupiter.api.Test;

class RecordingTextTest {

  @Test
  void showsElapsedTimeLikeTheRecordButton() {
    assertThat(RecordingText.clock(0)).isEqualTo("00:00");
    assertThat(RecordingText.clock(42_999)).isEqualTo("00:42");
    assertThat(RecordingText.clock(61_000)).isEqualTo("01:01");
    assertThat(RecordingText.clock(3_723_000)).isEqualTo("1:02:03");
  }

  @Test
  void aRunningRecordingShowsTheNameItWillHave() {
    Recording running = Recording.newBuilder().setFilePath("/v/.Team sync - Call 1 - 2026-12-04.webm.part").build();
    assertThat(RecordingText.fileName(running)).isEqualTo("Team sync - Call 1 - 2026-12-04.webm");
    assertThat(RecordingText.fileName(Recording.getDefaultInstance())).isEqualTo("(no file)");
  }

  @Test
  void showsSizes() {
    assertThat(RecordingText.size(512)).isEqualTo("512 B");
    assertThat(RecordingText.size(1536)).isEqualTo("1.5 KB");
    assertThat(RecordingText.size(1_677_722)).isEqualTo("1.6 MB");
  }
}
