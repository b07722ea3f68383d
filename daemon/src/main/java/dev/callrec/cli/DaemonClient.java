package dev.callrec.cli;

import dev.callrec.ipc.ClientChannels;
import dev.callrec.platform.Folders;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.RecorderServiceGrpc.RecorderServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The CLI's connection to the daemon: a gRPC client like any other UI. */
final class DaemonClient implements AutoCloseable {
  private static final long CALL_TIMEOUT_SECONDS = 60;

  private final Path socket;
  private final ManagedChannel channel;
  private final RecorderServiceBlockingStub stub;

  private DaemonClient(Path socket) {
    this.socket = socket;
    this.channel = ClientChannels.forSocket(socket);
    this.stub = RecorderServiceGrpc.newBlockingStub(channel);
  }

  static DaemonClient connect(Folders folders) {
    if (!Files.exists(folders.socket())) {
      throw new DaemonNotRunningException(folders.socket());
    }
    return new DaemonClient(folders.socket());
  }

  /** A unary call with a deadline; "the daemon is not there" becomes a message that says so. */
  <T> T call(Function<RecorderServiceBlockingStub, T> rpc) {
    return translate(() -> rpc.apply(stub.withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)));
  }

  /** For streaming calls, which have no deadline. */
  <T> T stream(Function<RecorderServiceBlockingStub, T> rpc) {
    return translate(() -> rpc.apply(stub));
  }

  <T> T translate(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAVAILABLE && !Files.exists(socket)) {
        throw new DaemonNotRunningException(socket);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
