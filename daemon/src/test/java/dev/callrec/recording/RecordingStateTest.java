package dev.callrec.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordingStateTest {

  @Test
  void followsTheLifeOfARecording() {
    RecordingState state = RecordingState.STARTING.moveTo(RecordingState.RECORDING)
        .moveTo(RecordingState.FINALIZING).moveTo(RecordingState.INTERRUPTED);
    assertThat(state.isFinal()).isTrue();
    assertThat(RecordingState.STARTING.moveTo(RecordingState.FINALIZING)).isEqualTo(RecordingState.FINALIZING);
  }

  @Test
  void refusesImpossibleMoves() {
    assertThatThrownBy(() -> RecordingState.RECORDING.moveTo(RecordingState.FINISHED))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RecordingState.FINISHED.moveTo(RecordingState.RECORDING))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RecordingState.STARTING.moveTo(RecordingState.FAILED))
        .isInstanceOf(IllegalStateException.class);
  }
}
