package dev.callrec.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callrec.recording.RecordingException;
import dev.callrec.recording.RecordingException.Problem;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  @ParameterizedTest
  @EnumSource(Problem.class)
  void everyRefusalHasACodeOtherThanUnknownAndKeepsItsMessage(Problem problem) {
    Status status = StatusMapper.toStatus(new CompletionException(new RecordingException(problem, "Words for the UI.")));
    assertThat(status.getCode()).isNotIn(Status.Code.UNKNOWN, Status.Code.OK, Status.Code.INTERNAL);
    assertThat(status.getDescription()).isEqualTo("Words for the UI.");
  }

  @Test
  void mapsTheContractsCodes() {
    assertThat(StatusMapper.toStatus(new RecordingException(Problem.INVALID_REQUEST, "x")).getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(StatusMapper.toStatus(new RecordingException(Problem.ALREADY_RECORDING, "x")).getCode())
        .isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(StatusMapper.toStatus(new RecordingException(Problem.UNKNOWN_CALL, "x")).getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void bugsBecomeInternalWithADescriptionNeverUnknown() {
    Status bug = StatusMapper.toStatus(new NullPointerException());
    assertThat(bug.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(bug.getDescription()).contains("internal error");

    Status unknown = StatusMapper.toStatus(Status.UNKNOWN.asRuntimeException());
    assertThat(unknown.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(unknown.getDescription()).isNotBlank();
  }
}
