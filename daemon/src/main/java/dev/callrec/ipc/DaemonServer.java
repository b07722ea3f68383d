package dev.callrec.ipc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's gRPC server on a Unix domain socket only its user can open, answering only its user, with
 * server reflection for standard gRPC tools.
 */
public final class DaemonServer {
  private final Server server;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Path socket;

  private DaemonServer(Server server, EventLoopGroup acceptor, EventLoopGroup workers, Path socket) {
    this.server = server;
    this.acceptor = acceptor;
    this.workers = workers;
    this.socket = socket;
  }

  public static DaemonServer start(Path socket, int allowedUid, BindableService service) throws IOException {
    if (!Epoll.isAvailable()) {
      throw new IOException("Unix sockets need Netty's epoll transport, which is not available here: "
          + Epoll.unavailabilityCause());
    }
    SocketGuard.claim(socket);
    EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Server server = NettyServerBuilder
        .forAddress(new DomainSocketAddress(socket.toString()),
            InternalNettyServerCredentials.create(new PeerCredentialsNegotiator()))
        .channelType(EpollServerDomainSocketChannel.class)
        .bossEventLoopGroup(acceptor)
        .workerEventLoopGroup(workers)
        .addService(ServerInterceptors.intercept(service, new StatusMappingInterceptor()))
        .addService(ProtoReflectionServiceV1.newInstance())
        .intercept(new CallerUidInterceptor(allowedUid))
        .build();
    try {
      server.start();
      SocketGuard.restrictToOwner(socket);
    } catch (IOException e) {
      server.shutdownNow();
      acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IOException("Cannot serve on " + socket + ": " + e.getMessage(), e);
    }
    return new DaemonServer(server, acceptor, workers, socket);
  }

  public Path socket() {
    return socket;
  }

  /** Stops taking calls, gives running calls {@code grace} to finish, then closes the socket. */
  public void shutdown(Duration grace) {
    server.shutdown();
    try {
      if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    acceptor.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS);
    workers.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS);
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // A stale socket file is taken over at the next start.
    }
  }
}
