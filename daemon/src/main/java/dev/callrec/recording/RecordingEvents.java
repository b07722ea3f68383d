package dev.callrec.recording;

/** What the recording side tells the rest of the daemon. Called from capture and timer threads. */
public interface RecordingEvents {

  /** The first frame is in the file. */
  void started(RecordingSnapshot recording);

  /** Regular news of a running recording, at least once a second. */
  void progress(RecordingSnapshot recording);

  /** The file is final: FINISHED or INTERRUPTED. */
  void finished(RecordingSnapshot recording);

  /** The recording could not start or broke off: FAILED, with words a UI can show. */
  void failed(RecordingSnapshot recording, String message);

  /** A call went on in another chat: {@code finished} belongs to the old chat, {@code started} to the new. */
  void split(RecordingSnapshot finished, RecordingSnapshot started, java.util.List<Participant> invited);

  /** Something the user should know about a recording that goes on (e.g. a sound device is missing). */
  void warning(RecordingSnapshot recording, String message);
}
