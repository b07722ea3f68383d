package dev.callrec.ipc;

import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.GetStatusResponse;
import dev.callrec.proto.v1.ListRecordingsRequest;
import dev.callrec.proto.v1.ListRecordingsResponse;
import dev.callrec.proto.v1.RecorderServiceGrpc;
import dev.callrec.proto.v1.SetCaptureSourceRequest;
import dev.callrec.proto.v1.SetCaptureSourceResponse;
import dev.callrec.proto.v1.SetViewRequest;
import dev.callrec.proto.v1.SetViewResponse;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StartRecordingResponse;
import dev.callrec.proto.v1.StopRecordingRequest;
import dev.callrec.proto.v1.StopRecordingResponse;
import dev.callrec.proto.v1.View;
import dev.callrec.proto.v1.WatchEventsRequest;
import dev.callrec.recording.RecordingService;
import dev.callrec.recording.RecordingSnapshot;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The RecorderService contract, answered by the recording service and the event hub. */
public final class RecorderGrpcService extends RecorderServiceGrpc.RecorderServiceImplBase {
  private final RecordingService recordings;
  private final EventHub events;
  private final Path recordingsDir;
  private final String version;

  public RecorderGrpcService(RecordingService recordings, EventHub events, Path recordingsDir, String version) {
    this.recordings = recordings;
    this.events = events;
    this.recordingsDir = recordingsDir;
    this.version = version;
  }

  @Override
  public void startRecording(StartRecordingRequest request, StreamObserver<StartRecordingResponse> response) {
    answerWhenDone(recordings.start(ProtoMapper.toRequest(request)), response,
        recording -> StartRecordingResponse.newBuilder().setRecording(ProtoMapper.toProto(recording)).build());
  }

  @Override
  public void stopRecording(StopRecordingRequest request, StreamObserver<StopRecordingResponse> response) {
    answerWhenDone(recordings.stop(request.getCallId().trim()), response,
        recording -> StopRecordingResponse.newBuilder().setRecording(ProtoMapper.toProto(recording)).build());
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> response) {
    GetStatusResponse.Builder status = GetStatusResponse.newBuilder()
        .setVersion(version)
        .setRecordingsDir(recordingsDir.toString())
        .setLastEventId(events.lastEventId());
    recordings.active().forEach(recording -> status.addActive(ProtoMapper.toProto(recording)));
    response.onNext(status.build());
    response.onCompleted();
  }

  @Override
  public void listRecordings(ListRecordingsRequest request, StreamObserver<ListRecordingsResponse> response) {
    ListRecordingsResponse.Builder list = ListRecordingsResponse.newBuilder();
    recordings.history(request.getLimit()).forEach(recording -> list.addRecordings(ProtoMapper.toProto(recording)));
    response.onNext(list.build());
    response.onCompleted();
  }

  @Override
  public void setCaptureSource(SetCaptureSourceRequest request, StreamObserver<SetCaptureSourceResponse> response) {
    if (!request.hasSource()) {
      throw new IllegalArgumentException("source is required: what to capture from now on.");
    }
    answerWhenDone(recordings.switchSource(request.getCallId().trim(), ProtoMapper.toSource(request.getSource())),
        response, recording -> SetCaptureSourceResponse.newBuilder().setRecording(ProtoMapper.toProto(recording)).build());
  }

  @Override
  public void setView(SetViewRequest request, StreamObserver<SetViewResponse> response) {
    if (request.getView() == View.VIEW_UNSPECIFIED) {
      throw new IllegalArgumentException("view is required: VIEW_CALL or VIEW_CHAT.");
    }
    RecordingSnapshot recording = recordings.setView(request.getCallId().trim(), ProtoMapper.toView(request.getView()));
    response.onNext(SetViewResponse.newBuilder().setRecording(ProtoMapper.toProto(recording)).build());
    response.onCompleted();
  }

  @Override
  public void watchEvents(WatchEventsRequest request, StreamObserver<Event> response) {
    events.subscribe((ServerCallStreamObserver<Event>) response, request.getAfterEventId());
  }

  private static <T> void answerWhenDone(CompletableFuture<RecordingSnapshot> result, StreamObserver<T> response,
      Function<RecordingSnapshot, T> toResponse) {
    result.whenComplete((recording, failure) -> {
      if (failure != null) {
        response.onError(StatusMapper.toStatus(failure).asRuntimeException());
      } else {
        response.onNext(toResponse.apply(recording));
        response.onCompleted();
      }
    });
  }
}
