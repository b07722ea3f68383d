package dev.callrec.tray;

import dev.callrec.platform.FileOpener;
import dev.callrec.platform.autostart.Autostart;
import dev.callrec.prompts.PromptAnswer;
import dev.callrec.prompts.PromptKind;
import dev.callrec.recording.RecordingService;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.sync.QueuedUpload;
import dev.callrec.sync.SyncService;
import dev.callrec.sync.UploadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The tray's menu, answered by the daemon's own services: the tray is one more UI of the same state. */
public final class DaemonTrayActions implements TrayActions {
  private final RecordingService recordings;
  private final SyncService sync;
  private final Path recordingsDir;
  private final FileOpener opener;
  private final Autostart autostart;
  private final Runnable quit;

  public DaemonTrayActions(RecordingService recordings, SyncService sync, Path recordingsDir, FileOpener opener,
      Autostart autostart, Runnable quit) {
    this.recordings = recordings;
    this.sync = sync;
    this.recordingsDir = recordingsDir;
    this.opener = opener;
    this.autostart = autostart;
    this.quit = quit;
  }

  @Override
  public TrayState state() {
    List<RecordingSnapshot> active = recordings.active();
    SyncService.QueueView queue = sync.queue();
    int pending = (int) queue.uploads().stream().map(QueuedUpload::state)
        .filter(state -> state == UploadState.WAITING || state == UploadState.UPLOADING).count();
    int percent = queue.current() != null && queue.currentTotal() > 0
        ? (int) (queue.currentSent() * 100 / queue.currentTotal()) : -1;
    List<TrayState.ShareQuestion> questions = sync.pendingPrompts().stream()
        .filter(prompt -> prompt.prompt().kind() != PromptKind.CONNECT_DRIVE && prompt.recording() != null)
        .map(prompt -> new TrayState.ShareQuestion(prompt.prompt().id(), prompt.recording().title()))
        .toList();
    RecordingSnapshot first = active.isEmpty() ? null : active.get(0);
    return new TrayState(first == null ? null : first.chat().displayName(), first == null ? 0 : first.elapsedMs(),
        pending, percent, queue.driveConnected(), queue.paused(), questions);
  }

  @Override
  public void stopRecordings() {
    recordings.active().forEach(recording -> recordings.stop(recording.callId()));
  }

  @Override
  public void openRecordingsFolder() {
    try {
      opener.open(recordingsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + recordingsDir, e);
    }
  }

  @Override
  public void pauseUploads() {
    sync.pause();
  }

  @Override
  public void resumeUploads() {
    sync.resume();
  }

  @Override
  public void share(long promptId) {
    try {
      sync.answer(promptId, PromptAnswer.SHARE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean startsAtLogin() {
    try {
      return autostart.enabled();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void setStartsAtLogin(boolean enabled) {
    try {
      if (enabled) {
        autostart.enable();
      } else {
        autostart.disable();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot change " + autostart.describe(), e);
    }
  }

  @Override
  public void quit() {
    quit.run();
  }
}
