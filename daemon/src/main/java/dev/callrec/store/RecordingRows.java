package dev.callrec.store;

import dev.callrec.media.MediaInfo;
import dev.callrec.recording.CallView;
import dev.callrec.recording.Chat;
import dev.callrec.recording.ChatType;
import dev.callrec.recording.RecordingSnapshot;
import dev.callrec.recording.RecordingState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ended recordings in the {@code recordings} table. */
public final class RecordingRows {
  private static final String COLUMNS = "id, call_id, chat_id, chat_title, chat_type, peer_name, call_number, sequence, "
      + "state, file_path, started_at_ns, ended_at_ns, elapsed_ms, size_bytes, frames, dropped_frames, "
      + "repeated_frames, recovered, view, duration_ms, video_codec, audio_codec, width, height, failure_message";

  private RecordingRows() {}

  /** Saves an ended recording; saving it again replaces the row (a repeated save is harmless). */
  public static void save(Connection connection, RecordingSnapshot recording) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR REPLACE INTO recordings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Chat chat = recording.chat();
      MediaInfo media = recording.media();
      int i = 0;
      insert.setString(++i, recording.id());
      insert.setString(++i, recording.callId());
      insert.setString(++i, nullToEmpty(chat.id()));
      insert.setString(++i, chat.title());
      insert.setString(++i, chat.type().name());
      insert.setString(++i, nullToEmpty(chat.peerName()));
      insert.setInt(++i, recording.callNumber());
      insert.setInt(++i, recording.sequence());
      insert.setString(++i, recording.state().name());
      insert.setString(++i, recording.file() == null ? null : recording.file().toString());
      insert.setLong(++i, nanos(recording.startedAt()));
      if (recording.endedAt() == null) {
        insert.setNull(++i, Types.INTEGER);
      } else {
        insert.setLong(++i, nanos(recording.endedAt()));
      }
      insert.setLong(++i, recording.elapsedMs());
      insert.setLong(++i, recording.sizeBytes());
      insert.setLong(++i, recording.frames());
      insert.setLong(++i, recording.droppedFrames());
      insert.setLong(++i, recording.repeatedFrames());
      insert.setInt(++i, recording.recovered() ? 1 : 0);
      insert.setString(++i, recording.view().name());
      if (media == null) {
        for (int column = 0; column < 5; column++) {
          insert.setNull(++i, Types.NULL);
        }
      } else {
        insert.setLong(++i, media.durationMs());
        insert.setString(++i, media.videoCodec());
        insert.setString(++i, media.audioCodec());
        insert.setInt(++i, media.width());
        insert.setInt(++i, media.height());
      }
      insert.setString(++i, recording.failureMessage());
      insert.executeUpdate();
    }
  }

  /** The newest ended recordings first; {@code limit} 0 means all. */
  public static List<RecordingSnapshot> newest(Connection connection, int limit) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM recordings ORDER BY COALESCE(ended_at_ns, started_at_ns) DESC, rowid DESC LIMIT ?")) {
      query.setInt(1, limit > 0 ? limit : -1);
      try (ResultSet rows = query.executeQuery()) {
        List<RecordingSnapshot> recordings = new ArrayList<>();
        while (rows.next()) {
          recordings.add(read(rows));
        }
        return recordings;
      }
    }
  }

  public static Optional<RecordingSnapshot> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM recordings WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static RecordingSnapshot read(ResultSet row) throws SQLException {
    Chat chat = new Chat(row.getString("chat_id"), row.getString("chat_title"),
        ChatType.valueOf(row.getString("chat_type")), row.getString("peer_name"));
    String file = row.getString("file_path");
    long duration = row.getLong("duration_ms");
    MediaInfo media = row.wasNull() ? null : new MediaInfo(duration, row.getString("video_codec"),
        row.getString("audio_codec"), row.getInt("width"), row.getInt("height"));
    long ended = row.getLong("ended_at_ns");
    Instant endedAt = row.wasNull() ? null : instant(ended);
    return new RecordingSnapshot(row.getString("id"), row.getString("call_id"), chat, row.getInt("call_number"),
        row.getInt("sequence"), RecordingState.valueOf(row.getString("state")), file == null ? null : Path.of(file),
        instant(row.getLong("started_at_ns")), endedAt, row.getLong("elapsed_ms"),
        row.getLong("size_bytes"), row.getLong("frames"), row.getLong("dropped_frames"),
        row.getLong("repeated_frames"), CallView.valueOf(row.getString("view")), row.getInt("recovered") == 1, media,
        row.getString("failure_message"));
  }

  /** Nanoseconds since the epoch: a 64-bit integer holds them until 2262, and snapshots read back equal. */
  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
