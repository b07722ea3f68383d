package dev.callrec.recording;

import dev.callrec.media.AudioPlan;
import dev.callrec.media.SourceSpec;

/**
 * A request to record a call. {@code callNumber} 0 lets the daemon number the call. {@code currentRecorder}
 * is who already records the call as the chat server knows it (null: nobody), {@code me} this user (null if
 * the UI does not say).
 */
public record RecordingRequest(String callId, Chat chat, int callNumber, SourceSpec source, AudioPlan audio,
    CallView view, Participant currentRecorder, Participant me) {

  /** The same request for another chat, numbered by the daemon: the call goes on there. */
  public RecordingRequest inChat(Chat other) {
    return new RecordingRequest(callId, other, 0, source, audio, view, currentRecorder, me);
  }
}
