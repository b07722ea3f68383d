package dev.callrec.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecorderServiceGrpc.RecorderServiceBlockingStub;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.StopRecordingRequest;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Records through an in-process daemon over its socket and measures what the whole process spent meanwhile,
 * and how long StartRecording and StopRecording took.
 */
record DaemonRecording(Run run, Recording recording, long startMillis, long stopMillis) {

  /** Something done to the call while it is being recorded; {@code firstFrameNanos} is when it began. */
  interface Cue {
    void run(long firstFrameNanos) throws Exception;

    /** One step of a cue. */
    interface Action {
      void run() throws Exception;
    }
  }

  static DaemonRecording record(RecorderServiceBlockingStub stub, StartRecordingRequest request, int seconds)
      throws Exception {
    return record(stub, request, seconds, 0, null);
  }

  /** As above, running {@code cue} {@code cueBeforeEnd} seconds before the recording stops. */
  static DaemonRecording record(RecorderServiceBlockingStub stub, StartRecordingRequest request, int seconds,
      int cueBeforeEnd, Cue cue) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long requested = System.nanoTime();
    stub.startRecording(request);
    long firstFrame = System.nanoTime();
    if (cue != null) {
      TimeUnit.NANOSECONDS.sleep(TimeUnit.SECONDS.toNanos(seconds - cueBeforeEnd) - (System.nanoTime() - firstFrame));
      cue.run(firstFrame);
    }
    TimeUnit.NANOSECONDS.sleep(TimeUnit.SECONDS.toNanos(seconds) - (System.nanoTime() - firstFrame));
    long stopRequested = System.nanoTime();
    Recording finished = stub.stopRecording(
        StopRecordingRequest.newBuilder().setCallId(request.getCallId()).build()).getRecording();
    long stopped = System.nanoTime();
    long cpuAfter = os.getProcessCpuTime();
    return new DaemonRecording(new Run((cpuAfter - cpuBefore) / 1e9, finished.getDurationMs() / 1000.0), finished,
        TimeUnit.NANOSECONDS.toMillis(firstFrame - requested), TimeUnit.NANOSECONDS.toMillis(stopped - stopRequested));
  }
}
