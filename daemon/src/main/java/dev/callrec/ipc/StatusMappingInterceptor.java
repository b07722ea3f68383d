package dev.callrec.ipc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Catches what a service method throws and closes the call with {@link StatusMapper}'s status, instead of the
 * bare UNKNOWN that grpc-java would send. Linkage errors count too: a class that failed to load is a daemon
 * fault the UI should hear about in words.
 */
final class StatusMappingInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException | LinkageError e) {
      closeWith(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException | LinkageError e) {
          closeWith(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException | LinkageError e) {
          closeWith(call, e);
        }
      }

      @Override
      public void onReady() {
        try {
          super.onReady();
        } catch (RuntimeException | LinkageError e) {
          closeWith(call, e);
        }
      }
    };
  }

  private static void closeWith(ServerCall<?, ?> call, Throwable error) {
    try {
      call.close(StatusMapper.toStatus(error), new Metadata());
    } catch (IllegalStateException alreadyClosed) {
      // The method had answered before it threw; the answer stands.
    }
  }
}
