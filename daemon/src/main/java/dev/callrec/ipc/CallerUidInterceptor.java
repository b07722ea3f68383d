package dev.callrec.ipc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/** Answers only processes of the daemon's own user: recordings are private. */
final class CallerUidInterceptor implements ServerInterceptor {
  private final int allowedUid;

  CallerUidInterceptor(int allowedUid) {
    this.allowedUid = allowedUid;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Integer callerUid = call.getAttributes().get(PeerCredentialsNegotiator.PEER_UID);
    if (callerUid == null || callerUid != allowedUid) {
      String who = callerUid == null ? "a caller that could not be identified" : "user id " + callerUid;
      call.close(Status.PERMISSION_DENIED.withDescription(
          "This callrec daemon records for another user and does not answer " + who + "."), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
