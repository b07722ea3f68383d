package dev.callrec.ipc;

import dev.callrec.media.MediaUnavailableException;
import dev.callrec.recording.RecordingException;
import dev.callrec.sync.SyncException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into a gRPC status. Every status carries a description a UI can show;
 * nothing leaves the daemon as UNKNOWN.
 */
public final class StatusMapper {
  private static final Logger log = LoggerFactory.getLogger(StatusMapper.class);

  private StatusMapper() {}

  public static Status toStatus(Throwable failure) {
    Throwable error = unwrap(failure);
    if (error instanceof StatusRuntimeException e) {
      return withDescription(e.getStatus());
    }
    if (error instanceof StatusException e) {
      return withDescription(e.getStatus());
    }
    if (error instanceof RecordingException e) {
      return Status.fromCode(codeFor(e.problem())).withDescription(e.getMessage());
    }
    if (error instanceof SyncException e) {
      return Status.fromCode(codeFor(e.problem())).withDescription(e.getMessage());
    }
    if (error instanceof IllegalArgumentException e) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage());
    }
    if (error instanceof MediaUnavailableException e) {
      return Status.FAILED_PRECONDITION.withDescription(e.getMessage());
    }
    log.error("Internal error while answering a call", error);
    return Status.INTERNAL
        .withDescription("callrec hit an internal error (" + error + "). Details are in the daemon's log.")
        .withCause(error);
  }

  private static Status.Code codeFor(RecordingException.Problem problem) {
    return switch (problem) {
      case INVALID_REQUEST -> Status.Code.INVALID_ARGUMENT;
      case ALREADY_RECORDING -> Status.Code.ALREADY_EXISTS;
      case UNKNOWN_CALL -> Status.Code.NOT_FOUND;
      case CAPTURE_FAILED -> Status.Code.FAILED_PRECONDITION;
      case SHUTTING_DOWN -> Status.Code.UNAVAILABLE;
      case DISK_FULL, QUOTA_USED -> Status.Code.RESOURCE_EXHAUSTED;
      case SOMEONE_ELSE_RECORDS -> Status.Code.FAILED_PRECONDITION;
    };
  }

  private static Status.Code codeFor(SyncException.Problem problem) {
    return switch (problem) {
      case INVALID_REQUEST -> Status.Code.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case REFUSED -> Status.Code.FAILED_PRECONDITION;
      case UNREACHABLE -> Status.Code.UNAVAILABLE;
    };
  }

  private static Status withDescription(Status status) {
    if (status.getCode() == Status.Code.UNKNOWN) {
      return Status.INTERNAL.withDescription(
          "callrec hit an internal error" + (status.getDescription() != null ? ": " + status.getDescription() : "."));
    }
    if (status.getDescription() == null || status.getDescription().isBlank()) {
      return status.withDescription("The request failed (" + status.getCode() + ").");
    }
    return status;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable error = failure;
    while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
  }
}
