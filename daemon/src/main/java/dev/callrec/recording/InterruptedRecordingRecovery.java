package dev.callrec.recording;

import dev.callrec.media.MediaInfo;
import dev.callrec.media.MediaProbe;
import dev.callrec.media.WebmRemuxer;
import dev.callrec.platform.DurableFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the recordings a crash (or kill -9, or a power cut) left as {@code .part} files, completes each one
 * (a stream copy writes the index and duration the crash kept from being written) and gives it its final name.
 * The file name tells the chat and the call number; the rest of what the daemon knew is gone with the crash.
 */
final class InterruptedRecordingRecovery {
  private static final Logger log = LoggerFactory.getLogger(InterruptedRecordingRecovery.class);
  private static final Pattern PART = Pattern.compile("^\\.(.+\\.webm)\\.part$");
  private static final Pattern COMPLETING = Pattern.compile("^\\..+\\.webm\\.completing$");
  private static final Pattern SEQUENCE = Pattern.compile("^(.*?)(?: \\((\\d+)\\))?\\.webm$");
  private static final Pattern CHAT_AND_CALL = Pattern.compile("^(.*) - Call (\\d+) - \\d{4}-\\d{2}-\\d{2}$");

  private final Path folder;
  private final RecordingFileNames names;
  private final Clock clock;

  InterruptedRecordingRecovery(Path folder, RecordingFileNames names, Clock clock) {
    this.folder = folder;
    this.names = names;
    this.clock = clock;
  }

  List<RecordingSnapshot> recover() {
    List<Path> parts = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (COMPLETING.matcher(name).matches()) {
          Files.deleteIfExists(file); // a completion the crash cut short; its .part is still there
        } else if (PART.matcher(name).matches() && Files.isRegularFile(file)) {
          parts.add(file);
        }
      }
    } catch (IOException e) {
      log.error("Cannot look for interrupted recordings in {}", folder, e);
      return List.of();
    }
    parts.sort(Comparator.comparing(InterruptedRecordingRecovery::modified));
    List<RecordingSnapshot> recovered = new ArrayList<>();
    for (Path part : parts) {
      try {
        RecordingSnapshot recording = recoverOne(part);
        if (recording != null) {
          recovered.add(recording);
        }
      } catch (IOException e) {
        log.error("Cannot recover the interrupted recording {}", part, e);
      }
    }
    return recovered;
  }

  private RecordingSnapshot recoverOne(Path part) throws IOException {
    if (Files.size(part) == 0) {
      Files.delete(part); // killed before the first byte: nothing was recorded
      return null;
    }
    Matcher partName = PART.matcher(part.getFileName().toString());
    partName.matches();
    Matcher sequenceName = SEQUENCE.matcher(partName.group(1));
    sequenceName.matches();
    String baseName = sequenceName.group(1);
    int sequence = sequenceName.group(2) == null ? 1 : Integer.parseInt(sequenceName.group(2));
    Instant startedAt = Files.readAttributes(part, BasicFileAttributes.class).creationTime().toInstant();
    Instant endedAt = modified(part);

    RecordingFileNames.Reservation reservation = names.reserve(baseName, sequence);
    try {
      Path completing = RecordingFileNames.completingFileFor(reservation.file());
      RecordingState state = RecordingState.INTERRUPTED;
      String failure = null;
      Path source = completing;
      try {
        WebmRemuxer.remux(part, completing);
      } catch (IOException e) {
        log.warn("Interrupted recording {} could not be repaired; keeping it as it is", part, e);
        Files.deleteIfExists(completing);
        source = part;
        state = RecordingState.FAILED;
        failure = "This recording was cut off by a crash and could not be repaired; it may not play.";
      }
      DurableFiles.fsync(source);
      MediaInfo media = state == RecordingState.INTERRUPTED ? MediaProbe.probe(source) : null;
      DurableFiles.renameNoReplace(source, reservation.file());
      Files.deleteIfExists(part);
      DurableFiles.fsyncDirectory(folder);
      log.info("Recovered interrupted recording {} as {}", part.getFileName(), reservation.file().getFileName());
      return snapshot(reservation, baseName, startedAt, endedAt, state, media, failure);
    } finally {
      names.release(reservation.file());
    }
  }

  private RecordingSnapshot snapshot(RecordingFileNames.Reservation reservation, String baseName, Instant startedAt,
      Instant endedAt, RecordingState state, MediaInfo media, String failure) throws IOException {
    Matcher chatAndCall = CHAT_AND_CALL.matcher(baseName);
    String title = chatAndCall.matches() ? chatAndCall.group(1) : baseName;
    int callNumber = chatAndCall.matches() ? Integer.parseInt(chatAndCall.group(2)) : 0;
    long durationMs = media != null ? media.durationMs() : 0;
    return new RecordingSnapshot(UUID.randomUUID().toString(), "", new Chat("", title, ChatType.GROUP, ""),
        callNumber, reservation.sequence(), state, reservation.file(), startedAt,
        endedAt != null ? endedAt : clock.instant(), durationMs, Files.size(reservation.file()), 0, 0, 0,
        CallView.CALL, true, media, failure);
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
