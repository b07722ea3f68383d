package dev.callrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callrec.ipc.ClientChannels;
import dev.callrec.platform.DaemonAlreadyRunningException;
import dev.callrec.platform.CurrentUser;
import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.testing.TestDaemon;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket: private to its user, taken over when stale, refused when another daemon holds it. */
class DaemonSocketIT {
  @TempDir
  Path root;

  @Test
  void socketIsPrivateAndReflectionListsTheService() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root)) {
      Path socket = daemon.folders.socket();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
      assertThat(daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance()).getRecordingsDir())
          .isEqualTo(daemon.folders.recordingsDir().toString());
      assertThat(listServices(socket)).contains("callrec.v1.RecorderService");
    }
  }

  @Test
  void callersOfAnotherUserArePermissionDenied() throws Exception {
    try (TestDaemon daemon = TestDaemon.start(root, CurrentUser.uid() + 1)) {
      assertThatThrownBy(() -> daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(e.getStatus().getDescription()).contains("another user");
          });
    }
  }

  @Test
  void aSocketLeftByAKilledDaemonIsTakenOver() throws Exception {
    Path socket = TestDaemon.foldersIn(root).socket();
    Files.createDirectories(socket.getParent());
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    }
    assertThat(socket).exists();
    try (TestDaemon daemon = TestDaemon.start(root)) {
      assertThat(daemon.blocking().getStatus(GetStatusRequest.getDefaultInstance()).getVersion()).isNotBlank();
    }
  }

  @Test
  void aLiveDaemonOnTheSocketIsNotDisturbed() throws Exception {
    try (TestDaemon first = TestDaemon.start(root)) {
      assertThatThrownBy(() -> TestDaemon.start(root))
          .isInstanceOf(DaemonAlreadyRunningException.class)
          .hasMessageContaining("already running");
      assertThat(first.blocking().getStatus(GetStatusRequest.getDefaultInstance()).getVersion()).isNotBlank();
    }
  }

  private static java.util.List<String> listServices(Path socket) throws Exception {
    ManagedChannel channel = ClientChannels.forSocket(socket);
    try {
      CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
      StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
          .serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse response) {
              answer.complete(response);
            }

            @Override
            public void onError(Throwable t) {
              answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {}
          });
      requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      requests.onCompleted();
      return answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
          .map(ServiceResponse::getName).toList();
    } finally {
      channel.shutdownNow();
    }
  }

}
