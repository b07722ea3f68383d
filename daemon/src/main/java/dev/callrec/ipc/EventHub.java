package dev.callrec.ipc;

import dev.callrec.prompts.Prompt;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.proto.v1.Event;
import dev.callrec.proto.v1.PromptClosed;
import dev.callrec.proto.v1.ShareReady;
import dev.callrec.proto.v1.UploadFailed;
import dev.callrec.proto.v1.UploadFinished;
import dev.callrec.proto.v1.UploadProgress;
import dev.callrec.proto.v1.RecordingFailed;
import dev.callrec.proto.v1.RecordingFinished;
import dev.callrec.proto.v1.RecordingProgress;
import dev.callrec.proto.v1.RecordingSplit;
import dev.callrec.proto.v1.RecordingStarted;
import dev.callrec.proto.v1.RecordingWarning;
import dev.callrec.recording.Participant;
import dev.callrec.recording.RecordingEvents;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.sync.SyncEvents;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Turns what happens in the daemon (recordings, uploads, prompts) into numbered events and streams them to every WatchEvents subscriber.
 * One dispatcher thread does all sending, so capture threads never wait for a UI.
 */
public final class EventHub implements RecordingEvents, SyncEvents {
  private static final int RETAINED_EVENTS = 4096;

  private final EventLog log = new EventLog(RETAINED_EVENTS);
  private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "event-dispatch");
    thread.setDaemon(true);
    return thread;
  });
  private final Clock clock;

  public EventHub(Clock clock) {
    this.clock = clock;
  }

  public long lastEventId() {
    return log.lastId();
  }

  @Override
  public void started(RecordingSnapshot recording) {
    publish(Event.newBuilder().setRecordingStarted(
        RecordingStarted.newBuilder().setRecording(ProtoMapper.toProto(recording))));
  }

  @Override
  public void progress(RecordingSnapshot recording) {
    publish(Event.newBuilder().setRecordingProgress(RecordingProgress.newBuilder()
        .setRecordingId(recording.id())
        .setCallId(recording.callId())
        .setElapsedMs(recording.elapsedMs())
        .setBytesWritten(recording.sizeBytes())
        .setFrames(recording.frames())
        .setDroppedFrames(recording.droppedFrames())
        .setRepeatedFrames(recording.repeatedFrames())));
  }

  @Override
  public void finished(RecordingSnapshot recording) {
    publish(Event.newBuilder().setRecordingFinished(
        RecordingFinished.newBuilder().setRecording(ProtoMapper.toProto(recording))));
  }

  @Override
  public void failed(RecordingSnapshot recording, String message) {
    publish(Event.newBuilder().setRecordingFailed(
        RecordingFailed.newBuilder().setRecording(ProtoMapper.toProto(recording)).setMessage(message)));
  }

  @Override
  public void warning(RecordingSnapshot recording, String message) {
    publish(Event.newBuilder().setRecordingWarning(RecordingWarning.newBuilder()
        .setRecordingId(recording.id())
        .setCallId(recording.callId())
        .setMessage(message)));
  }

  @Override
  public void split(RecordingSnapshot finished, RecordingSnapshot started, List<Participant> invited) {
    RecordingSplit.Builder split = RecordingSplit.newBuilder()
        .setFinished(ProtoMapper.toProto(finished)).setStarted(ProtoMapper.toProto(started));
    invited.forEach(participant -> split.addInvited(ProtoMapper.toProto(participant)));
    publish(Event.newBuilder().setRecordingSplit(split));
  }

  @Override
  public void uploadProgress(String recordingId, long bytesSent, long bytesTotal) {
    publish(Event.newBuilder().setUploadProgress(UploadProgress.newBuilder()
        .setRecordingId(recordingId).setBytesSent(bytesSent).setBytesTotal(bytesTotal)));
  }

  @Override
  public void uploadFinished(String recordingId, String remotePath) {
    publish(Event.newBuilder().setUploadFinished(
        UploadFinished.newBuilder().setRecordingId(recordingId).setRemotePath(remotePath)));
  }

  @Override
  public void uploadFailed(String recordingId, String message, Instant nextAttemptAt) {
    UploadFailed.Builder failed = UploadFailed.newBuilder().setRecordingId(recordingId).setMessage(message)
        .setWillRetry(nextAttemptAt != null);
    if (nextAttemptAt != null) {
      failed.setNextAttemptAt(ProtoMapper.toTimestamp(nextAttemptAt));
    }
    publish(Event.newBuilder().setUploadFailed(failed));
  }

  @Override
  public void prompt(Prompt prompt, RecordingSnapshot recording) {
    publish(SyncProtoMapper.promptEvent(prompt, recording));
  }

  @Override
  public void promptClosed(long promptId, PromptAnswer answer) {
    publish(Event.newBuilder().setPromptClosed(
        PromptClosed.newBuilder().setPromptId(promptId).setAnswer(SyncProtoMapper.toProto(answer))));
  }

  @Override
  public void shareReady(RecordingSnapshot recording, String link) {
    publish(Event.newBuilder().setShareReady(ShareReady.newBuilder()
        .setRecordingId(recording.id()).setChat(ProtoMapper.toProto(recording.chat())).setLink(link)));
  }

  /**
   * Streams {@code preamble} (events that describe the present, id 0), then the retained events after
   * {@code afterEventId} (0: all of them) to {@code out} until the client cancels or the hub closes. Must be
   * called from within the WatchEvents call.
   */
  void subscribe(ServerCallStreamObserver<Event> out, long afterEventId, List<Event> preamble) {
    long start = Math.min(afterEventId, log.lastId());
    EventSubscription subscription = new EventSubscription(out, log, start, preamble);
    out.setOnCancelHandler(() -> {
      subscription.cancelled();
      subscriptions.remove(subscription);
    });
    out.setOnReadyHandler(() -> dispatch(subscription::drain));
    subscriptions.add(subscription);
    dispatch(subscription::drain);
  }

  /** Sends every subscriber what is left and ends the streams, so UIs see the last events before the daemon goes. */
  public void close(Duration timeout) {
    dispatch(() -> subscriptions.forEach(EventSubscription::complete));
    dispatcher.shutdown();
    try {
      dispatcher.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publish(Event.Builder event) {
    log.append(event, clock.instant());
    dispatch(this::drainAll);
  }

  private void drainAll() {
    subscriptions.removeIf(EventSubscription::isClosed);
    subscriptions.forEach(EventSubscription::drain);
  }

  private void dispatch(Runnable task) {
    try {
      dispatcher.execute(task);
    } catch (RejectedExecutionException closed) {
      // The hub has closed; the streams have ended.
    }
  }
}
