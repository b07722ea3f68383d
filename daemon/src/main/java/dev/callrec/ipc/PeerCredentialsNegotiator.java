package dev.callrec.ipc;

import io.grpc.Attributes;
import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiationEvent;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.grpc.netty.ProtocolNegotiationEvent;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.util.AsciiString;
import java.io.IOException;

/**
 * Plaintext HTTP/2 over a Unix domain socket, plus the connecting process's user id (SO_PEERCRED) as a
 * transport attribute, so that an interceptor can refuse callers who are not the daemon's user. gRPC has no
 * public hook for this; the internal negotiator API is the one place that sees the socket and the attributes.
 */
final class PeerCredentialsNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {
  static final Attributes.Key<Integer> PEER_UID = Attributes.Key.create("callrec.peer-uid");

  private final InternalProtocolNegotiator.ProtocolNegotiator plaintext = InternalProtocolNegotiators.serverPlaintext();

  @Override
  public AsciiString scheme() {
    return plaintext.scheme();
  }

  @Override
  public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
    return new PeerUidHandler(plaintext.newHandler(grpcHandler));
  }

  @Override
  public void close() {
    plaintext.close();
  }

  private static final class PeerUidHandler extends ChannelInboundHandlerAdapter {
    private final ChannelHandler next;

    PeerUidHandler(ChannelHandler next) {
      this.next = next;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (!(event instanceof ProtocolNegotiationEvent negotiation)) {
        super.userEventTriggered(ctx, event);
        return;
      }
      Attributes.Builder attributes = InternalProtocolNegotiationEvent.getAttributes(negotiation).toBuilder();
      if (ctx.channel() instanceof EpollDomainSocketChannel socket) {
        try {
          attributes.set(PEER_UID, socket.peerCredentials().uid());
        } catch (IOException e) {
          // Without credentials the caller cannot be identified; the interceptor refuses it.
        }
      }
      ctx.pipeline().replace(this, null, next);
      ctx.fireUserEventTriggered(InternalProtocolNegotiationEvent.withAttributes(negotiation, attributes.build()));
    }
  }
}
