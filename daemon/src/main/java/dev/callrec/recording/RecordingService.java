package dev.callrec.recording;

import dev.callrec.recording.RecordingException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts, stops and keeps track of recordings: at most one running recording per call. */
public final class RecordingService {
  private static final Logger log = LoggerFactory.getLogger(RecordingService.class);
  static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
  private static final int MAX_CALL_ID_LENGTH = 256;

  private final RecordingSetup setup;
  private final RecordingFileNames names;
  private final RecordingEvents events;
  private final Clock clock;
  private final CallBook calls;
  private final Map<String, RecordingSession> activeByCall = new LinkedHashMap<>();
  private final ScheduledExecutorService progressTimer;
  private boolean shuttingDown;

  public RecordingService(RecordingSetup setup, RecordingEvents events) {
    this.setup = setup;
    this.names = new RecordingFileNames(setup.recordingsDir());
    this.events = events;
    this.clock = setup.clock();
    this.calls = setup.calls();
    this.progressTimer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "recording-progress");
      thread.setDaemon(true);
      return thread;
    });
    long interval = PROGRESS_INTERVAL.toMillis();
    progressTimer.scheduleAtFixedRate(this::reportProgress, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts recording a call. The future completes once the first frame is in the file, or fails with a
   * {@link RecordingException} if capture could not start. Refusals throw at once.
   */
  public CompletableFuture<RecordingSnapshot> start(RecordingRequest request) {
    validate(request);
    requireOnlyRecorder(request);
    requireQuota(request.callId());
    requireRoom();
    RecordingSession session;
    synchronized (this) {
      requireRunning();
      if (activeByCall.containsKey(request.callId())) {
        throw new RecordingException(Problem.ALREADY_RECORDING,
            "Call \"" + request.callId() + "\" is already being recorded. Stop that recording first.");
      }
      session = newSession(request);
      activeByCall.put(request.callId(), session);
    }
    return launch(session);
  }

  /**
   * The call goes on in another chat (people were invited into a private chat's call). If it is being
   * recorded, a recording for the new chat starts, and once its first frame is in its file the old one is
   * stopped: the two overlap a moment rather than leave a gap. Completes with nothing if the call was not
   * being recorded or already records into that chat.
   */
  public CompletableFuture<Split> continueInChat(String callId, Chat chat, List<Participant> invited) {
    if (chat == null || chat.title() == null || chat.title().isBlank()) {
      throw invalid("The group chat's title is required: its recording is named after it.");
    }
    RecordingSession previous;
    RecordingSession next;
    synchronized (this) {
      requireRunning();
      previous = activeByCall.get(requireCallId(callId));
      if (previous == null || previous.request().chat().equals(chat)) {
        return CompletableFuture.completedFuture(null);
      }
      next = newSession(previous.request().inChat(chat));
      activeByCall.put(callId, next);
    }
    return launch(next).handle((started, failure) -> {
      if (failure != null) {
        synchronized (this) {
          activeByCall.putIfAbsent(callId, previous);
        }
        throw new java.util.concurrent.CompletionException(failure);
      }
      return started;
    }).thenCompose(started -> previous.stop(StopReason.USER).thenApply(finished -> {
      events.split(finished, started, invited);
      return new Split(finished, started);
    }));
  }

  /** The two recordings of a call that went on in another chat. */
  public record Split(RecordingSnapshot finished, RecordingSnapshot started) {}

  /** The call ended: stops its recording, if one runs; completes with it, or with nothing. */
  public CompletableFuture<List<RecordingSnapshot>> endCall(String callId) {
    RecordingSession session;
    synchronized (this) {
      session = activeByCall.get(requireCallId(callId));
    }
    if (session == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    return session.stop(StopReason.USER).thenApply(List::of);
  }

  public Plan plan() {
    return calls.plan();
  }

  public void setPlan(Plan plan) {
    calls.setPlan(plan);
  }

  /** How many calls count toward the free plan. */
  public int countedCalls() {
    return calls.countedCalls();
  }

  private RecordingSession newSession(RecordingRequest request) {
    CallBook.Assignment numbers = calls.assign(request.callId(), request.chat(), request.callNumber());
    String baseName = RecordingFileNames.baseName(
        request.chat().displayName(), numbers.callNumber(), LocalDate.now(clock));
    RecordingFileNames.Reservation reservation;
    try {
      reservation = names.reserve(baseName, numbers.sequence());
    } catch (IOException e) {
      throw new RecordingException(Problem.CAPTURE_FAILED, "Cannot name the recording: " + e.getMessage(), e);
    }
    String id = UUID.randomUUID().toString();
    return new RecordingSession(id, request, numbers.callNumber(), baseName, reservation, events, names, setup);
  }

  private CompletableFuture<RecordingSnapshot> launch(RecordingSession session) {
    session.ended().thenAccept(recording -> onEnded(session, recording));
    session.start();
    return session.started();
  }

  private void requireRunning() {
    if (shuttingDown) {
      throw new RecordingException(Problem.SHUTTING_DOWN, "callrec is shutting down; the recording was not started.");
    }
  }

  /** Only the first participant who pressed record records: the chat server knows who that is. */
  private static void requireOnlyRecorder(RecordingRequest request) {
    Participant recorder = request.currentRecorder();
    if (recorder != null && !recorder.sameUser(request.me())) {
      String name = recorder.name().isBlank() ? "Another participant" : recorder.name();
      throw new RecordingException(Problem.SOMEONE_ELSE_RECORDS, name + " is already recording this call. "
          + "Only the first participant who pressed record records it; the recording is theirs to share.");
    }
  }

  private void requireQuota(String callId) {
    if (calls.plan() == Plan.FREE && calls.countedCalls() >= FreePlan.CALLS && !calls.counted(callId)) {
      throw new RecordingException(Problem.QUOTA_USED, String.format(java.util.Locale.ROOT,
          "The free plan records %d calls longer than %d seconds, and all %d are used. "
              + "Upgrade to a paid plan to record more calls; your recordings so far stay yours.",
          FreePlan.CALLS, setup.freePlan().minRecording().toSeconds(), FreePlan.CALLS));
    }
  }

  /** Stops the recording of a call; the future completes once the file is final. */
  public CompletableFuture<RecordingSnapshot> stop(String callId) {
    return running(callId).stop(StopReason.USER);
  }

  /** Records the picture or, while the user looks at a text chat, the notice screen, from the next frame on. */
  public RecordingSnapshot setView(String callId, CallView view) {
    return running(callId).setView(view);
  }

  /** Switches what a running recording captures; the file and its timeline go on. */
  public CompletableFuture<RecordingSnapshot> switchSource(String callId, dev.callrec.media.SourceSpec source) {
    if (source == null) {
      throw invalid("A capture source is required.");
    }
    return running(callId).switchSource(source);
  }

  /**
   * Completes the recordings a crash left unfinished (their .part files), as INTERRUPTED, and reports them.
   * Call once at start, before recordings are accepted.
   */
  public List<RecordingSnapshot> recoverInterrupted() {
    List<RecordingSnapshot> recovered = new InterruptedRecordingRecovery(setup.recordingsDir(), names, clock).recover();
    for (RecordingSnapshot recording : recovered) {
      setup.archive().keep(recording, setup.freePlan().counts(recording));
      if (recording.state() == RecordingState.FAILED) {
        events.failed(recording, recording.failureMessage());
      } else {
        events.finished(recording);
      }
    }
    return recovered;
  }

  private RecordingSession running(String callId) {
    RecordingSession session;
    synchronized (this) {
      session = activeByCall.get(requireCallId(callId));
    }
    if (session == null) {
      throw new RecordingException(Problem.UNKNOWN_CALL, "No recording of call \"" + callId + "\" is running.");
    }
    return session;
  }

  private void requireRoom() {
    Path folder = setup.recordingsDir();
    if (!setup.diskSpace().enoughToStart(folder)) {
      throw new RecordingException(Problem.DISK_FULL, String.format(java.util.Locale.ROOT,
          "Only %d MB are free in %s, and callrec needs at least %d MB to record. "
              + "Free some space or choose another recordings folder.",
          setup.diskSpace().usable(folder) / (1024 * 1024), folder,
          setup.diskSpace().floorBytes() / (1024 * 1024)));
    }
  }

  /** Recordings that are starting, running or being finalized, oldest first. */
  public List<RecordingSnapshot> active() {
    List<RecordingSession> sessions;
    synchronized (this) {
      sessions = new ArrayList<>(activeByCall.values());
    }
    return sessions.stream().map(RecordingSession::snapshot).toList();
  }

  /** Recordings that have ended, newest first; {@code limit} 0 means all. */
  public List<RecordingSnapshot> history(int limit) {
    return setup.archive().newest(limit);
  }

  /**
   * Refuses new recordings and stops the running ones as INTERRUPTED, waiting up to {@code timeout} for
   * their files to be final.
   */
  public void shutdown(Duration timeout) {
    List<CompletableFuture<RecordingSnapshot>> ending = new ArrayList<>();
    synchronized (this) {
      shuttingDown = true;
      for (RecordingSession session : activeByCall.values()) {
        ending.add(session.stop(StopReason.SHUTDOWN));
      }
    }
    try {
      CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.error("Recordings did not finish within {} s of shutdown", timeout.toSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.error("A recording failed while shutting down", e.getCause());
    }
    progressTimer.shutdownNow();
  }

  private void onEnded(RecordingSession session, RecordingSnapshot recording) {
    synchronized (this) {
      activeByCall.remove(session.callId(), session);
    }
  }

  private void reportProgress() {
    List<RecordingSession> sessions = activeSessions();
    if (!sessions.isEmpty() && setup.diskSpace().mustStop(setup.recordingsDir())) {
      log.warn("The recordings folder's disk is almost full: stopping {} recording(s)", sessions.size());
      sessions.forEach(session -> session.stop(StopReason.DISK_FULL));
      return;
    }
    for (RecordingSession session : sessions) {
      if (session.isRecording()) {
        try {
          events.progress(session.snapshot());
        } catch (RuntimeException e) {
          log.warn("Could not report progress", e);
        }
      }
    }
  }

  private synchronized List<RecordingSession> activeSessions() {
    return new ArrayList<>(activeByCall.values());
  }

  private static void validate(RecordingRequest request) {
    if (request.callId() == null || request.callId().isBlank()) {
      throw invalid("call_id is required: the chat app's id of the call.");
    }
    if (request.callId().length() > MAX_CALL_ID_LENGTH) {
      throw invalid("call_id is too long (at most " + MAX_CALL_ID_LENGTH + " characters).");
    }
    if (request.chat() == null || request.chat().title() == null || request.chat().title().isBlank()) {
      throw invalid("The chat's title is required: recordings are named after it.");
    }
    if (request.callNumber() < 0) {
      throw invalid("call_number cannot be negative.");
    }
    if (request.source() == null) {
      throw invalid("A capture source is required.");
    }
    if (request.audio() == null || request.view() == null) {
      throw invalid("The sound sources and the view are required.");
    }
  }

  private static String requireCallId(String callId) {
    if (callId == null || callId.isBlank()) {
      throw invalid("call_id is required: the id of the call whose recording this concerns.");
    }
    return callId;
  }

  private static RecordingException invalid(String message) {
    return new RecordingException(Problem.INVALID_REQUEST, message);
  }
}
