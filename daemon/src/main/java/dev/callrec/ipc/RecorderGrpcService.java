package dev.callrec.ipc;

import dev.callrec.proto.v1.AnswerPromptRequest;
import dev.callrec.proto.v1.AnswerPromptResponse;
import dev.callrec.proto.v1.ConnectDriveRequest;
import dev.callrec.proto.v1.ConnectDriveResponse;
import dev.callrec.proto.v1.DisconnectDriveRequest;
import dev.callrec.proto.v1.DisconnectDriveResponse;
import dev.callrec.proto.v1.EndCallRequest;
import dev.callrec.proto.v1.EndCallResponse;
import dev.callrec.proto.v1.GetDriveRequest;
import dev.callrec.proto.v1.GetDriveResponse;
import dev.callrec.proto.v1.GetQueueRequest;
import dev.callrec.proto.v1.GetQueueResponse;
import dev.callrec.proto.v1.ListPromptsRequest;
import dev.callrec.proto.v1.ListPromptsResponse;
import dev.callrec.proto.v1.PauseUploadsRequest;
import dev.callrec.proto.v1.ResumeUploadsRequest;
import dev.callrec.proto.v1.RetryUploadRequest;
import dev.callrec.proto.v1.RetryUploadResponse;
import dev.callrec.proto.v1.SetPlanRequest;
import dev.callrec.proto.v1.SetPlanResponse;
import dev.callrec.proto.v1.UpdateCallRequest;
import dev.callrec.proto.v1.UpdateCallResponse;
import dev.callrec.recording.FreePlan;
import dev.callrec.recording.Participant;
import dev.callrec.recording.Plan;
import dev.callrec.sync.DriveSpec;
import dev.callrec.sync.QueuedUpload;
import dev.callrec.sync.SyncException;
import dev.callrec.sync.SyncService;
import java.util.List;
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

/** The RecorderService contract, answered by the recording service, the sync service and the event hub. */
public final class RecorderGrpcService extends RecorderServiceGrpc.RecorderServiceImplBase {
  private final RecordingService recordings;
  private final SyncService sync;
  private final EventHub events;
  private final Path recordingsDir;
  private final String version;

  public RecorderGrpcService(RecordingService recordings, SyncService sync, EventHub events, Path recordingsDir,
      String version) {
    this.recordings = recordings;
    this.sync = sync;
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
    Plan plan = recordings.plan();
    status.setPlan(ProtoMapper.toProto(plan)).setQuotaUsed(recordings.countedCalls())
        .setQuotaLimit(plan == Plan.FREE ? FreePlan.CALLS : 0);
    response.onNext(status.build());
    response.onCompleted();
  }

  @Override
  public void updateCall(UpdateCallRequest request, StreamObserver<UpdateCallResponse> response) {
    if (!request.hasChat()) {
      throw new IllegalArgumentException("chat is required: the group chat the call goes on in.");
    }
    List<Participant> invited = request.getInvitedList().stream()
        .map(participant -> ProtoMapper.toParticipant(participant, "invited")).toList();
    answerWhenDone(recordings.continueInChat(request.getCallId().trim(), ProtoMapper.toChat(request.getChat()),
        invited), response, split -> {
          UpdateCallResponse.Builder updated = UpdateCallResponse.newBuilder();
          if (split != null) {
            updated.setFinished(ProtoMapper.toProto(split.finished())).setStarted(ProtoMapper.toProto(split.started()));
          }
          return updated.build();
        });
  }

  @Override
  public void endCall(EndCallRequest request, StreamObserver<EndCallResponse> response) {
    answerWhenDone(recordings.endCall(request.getCallId().trim()), response, ended -> EndCallResponse.newBuilder()
        .addAllRecordings(ended.stream().map(ProtoMapper::toProto).toList()).build());
  }

  @Override
  public void setPlan(SetPlanRequest request, StreamObserver<SetPlanResponse> response) {
    Plan plan = ProtoMapper.toPlan(request.getPlan());
    recordings.setPlan(plan);
    answer(response, SetPlanResponse.newBuilder().setPlan(ProtoMapper.toProto(plan))
        .setQuotaUsed(recordings.countedCalls()).setQuotaLimit(plan == Plan.FREE ? FreePlan.CALLS : 0).build());
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
    List<Event> pendingPrompts = sync.pendingPrompts().stream()
        .map(pending -> SyncProtoMapper.promptEvent(pending.prompt(), pending.recording())
            .setTime(ProtoMapper.toTimestamp(pending.prompt().createdAt())).build())
        .toList();
    events.subscribe((ServerCallStreamObserver<Event>) response, request.getAfterEventId(), pendingPrompts);
  }

  @Override
  public void connectDrive(ConnectDriveRequest request, StreamObserver<ConnectDriveResponse> response) {
    DriveSpec spec = SyncProtoMapper.toSpec(request);
    String password = request.hasWebdav() ? request.getWebdav().getPassword()
        : request.hasS3() ? request.getS3().getSecretAccessKey() : "";
    try {
      answer(response, ConnectDriveResponse.newBuilder()
          .setDrive(SyncProtoMapper.toProto(sync.connect(spec, password))).build());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(SyncException.Problem.UNREACHABLE, "Connecting the Drive was interrupted.", e);
    }
  }

  @Override
  public void disconnectDrive(DisconnectDriveRequest request, StreamObserver<DisconnectDriveResponse> response) {
    sync.disconnect();
    answer(response, DisconnectDriveResponse.getDefaultInstance());
  }

  @Override
  public void getDrive(GetDriveRequest request, StreamObserver<GetDriveResponse> response) {
    GetDriveResponse.Builder drive = GetDriveResponse.newBuilder();
    sync.drive().ifPresent(connected -> drive.setDrive(SyncProtoMapper.toProto(connected)));
    answer(response, drive.build());
  }

  @Override
  public void getQueue(GetQueueRequest request, StreamObserver<GetQueueResponse> response) {
    answer(response, SyncProtoMapper.toProto(sync.queue()));
  }

  @Override
  public void retryUpload(RetryUploadRequest request, StreamObserver<RetryUploadResponse> response) {
    QueuedUpload upload = sync.retry(request.getRecordingId().trim());
    answer(response, RetryUploadResponse.newBuilder().setUpload(SyncProtoMapper.toProto(upload, sync.queue())).build());
  }

  @Override
  public void pauseUploads(PauseUploadsRequest request, StreamObserver<GetQueueResponse> response) {
    answer(response, SyncProtoMapper.toProto(sync.pause()));
  }

  @Override
  public void resumeUploads(ResumeUploadsRequest request, StreamObserver<GetQueueResponse> response) {
    answer(response, SyncProtoMapper.toProto(sync.resume()));
  }

  @Override
  public void listPrompts(ListPromptsRequest request, StreamObserver<ListPromptsResponse> response) {
    ListPromptsResponse.Builder list = ListPromptsResponse.newBuilder();
    sync.pendingPrompts().forEach(pending -> list.addPrompts(SyncProtoMapper.toProto(pending.prompt(), pending.recording())));
    answer(response, list.build());
  }

  @Override
  public void answerPrompt(AnswerPromptRequest request, StreamObserver<AnswerPromptResponse> response) {
    try {
      sync.answer(request.getPromptId(), SyncProtoMapper.toAnswer(request.getAnswer()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(SyncException.Problem.UNREACHABLE, "Answering the prompt was interrupted.", e);
    }
    answer(response, AnswerPromptResponse.getDefaultInstance());
  }

  private static <T> void answer(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }

  private static <R, T> void answerWhenDone(CompletableFuture<R> result, StreamObserver<T> response,
      Function<R, T> toResponse) {
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
