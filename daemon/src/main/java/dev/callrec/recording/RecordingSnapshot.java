package dev.callrec.recording;

import dev.callrec.media.MediaInfo;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One recording as it is at one moment. {@code endedAt}, {@code media} and {@code failureMessage} are null
 * until they apply. {@code recovered} marks a recording completed after a crash.
 */
public record RecordingSnapshot(
    String id,
    String callId,
    Chat chat,
    int callNumber,
    int sequence,
    RecordingState state,
    Path file,
    Instant startedAt,
    Instant endedAt,
    long elapsedMs,
    long sizeBytes,
    long frames,
    long droppedFrames,
    long repeatedFrames,
    CallView view,
    boolean recovered,
    MediaInfo media,
    String failureMessage) {

  /** The recording as people name it: its file's name without ".webm", or its chat's before it has a file. */
  public String title() {
    if (file == null) {
      return chat.displayName();
    }
    String name = file.getFileName().toString();
    return name.endsWith(RecordingFileNames.EXTENSION)
        ? name.substring(0, name.length() - RecordingFileNames.EXTENSION.length()) : name;
  }
}
