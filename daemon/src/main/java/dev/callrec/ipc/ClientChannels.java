package dev.callrec.ipc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;

/** Channels to a daemon's socket, for the CLI and for tests. */
public final class ClientChannels {
  private ClientChannels() {}

  public static ManagedChannel forSocket(Path socket) {
    return Grpc.newChannelBuilder("unix://" + socket.toAbsolutePath(), InsecureChannelCredentials.create())
        .overrideAuthority("localhost")
        .build();
  }
}
