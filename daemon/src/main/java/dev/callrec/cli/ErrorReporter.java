package dev.callrec.cli;

import dev.callrec.platform.DaemonAlreadyRunningException;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints what went wrong in one sentence and picks the exit code; stack traces go to the log only. */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
    command.getErr().println("callrec: " + message(error));
    command.getErr().flush();
    return exitCode(error);
  }

  private static String message(Exception error) {
    if (error instanceof StatusRuntimeException e) {
      String description = e.getStatus().getDescription();
      return description != null ? description : e.getStatus().getCode().toString();
    }
    return error.getMessage() != null ? error.getMessage() : error.toString();
  }

  static int exitCode(Exception error) {
    if (error instanceof DaemonNotRunningException) {
      return ExitCodes.NOT_RUNNING;
    }
    if (error instanceof DaemonAlreadyRunningException) {
      return ExitCodes.CONFLICT;
    }
    if (error instanceof StatusRuntimeException e) {
      return switch (e.getStatus().getCode()) {
        case UNAVAILABLE -> ExitCodes.NOT_RUNNING;
        case NOT_FOUND -> ExitCodes.NOT_FOUND;
        case ALREADY_EXISTS -> ExitCodes.CONFLICT;
        case INVALID_ARGUMENT -> ExitCodes.USAGE;
        case PERMISSION_DENIED -> ExitCodes.DENIED;
        default -> ExitCodes.FAILURE;
      };
    }
    return ExitCodes.FAILURE;
  }
}
