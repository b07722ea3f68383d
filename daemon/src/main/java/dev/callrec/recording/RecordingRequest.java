package dev.callrec.recording;

import dev.callrec.media.AudioPlan;
import dev.callrec.media.SourceSpec;

/** A request to record a call. {@code callNumber} 0 lets the daemon number the call. */
public record RecordingRequest(String callId, Chat chat, int callNumber, SourceSpec source, AudioPlan audio,
    CallView view) {}
