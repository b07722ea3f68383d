package dev.callrec.recording;

import java.util.List;

/**
 * Where ended recordings are kept for good. Keeping a final one (FINISHED or INTERRUPTED) also queues it for
 * the Drive, in the same step, so that no recording is ever final without being on its way.
 */
public interface RecordingArchive {

  /**
   * Keeps an ended recording; {@code countsCall} also marks its call as one that counts toward the free plan.
   * Keeping it again is harmless.
   */
  void keep(RecordingSnapshot recording, boolean countsCall);

  /** Ended recordings, newest first; {@code limit} 0 means all. */
  List<RecordingSnapshot> newest(int limit);
}
