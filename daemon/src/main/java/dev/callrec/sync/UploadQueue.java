package dev.callrec.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upload queue in the {@code uploads} table, oldest first. An upload is taken (UPLOADING), sent, checked,
 * and only then marked DONE: a crash in between leaves it UPLOADING, and the next start queues it again, so
 * work may be repeated but is never lost.
 */
public final class UploadQueue {
  private static final String SELECT = "SELECT u.recording_id, r.file_path, u.state, u.attempts, u.next_attempt_at, "
      + "u.last_error, u.remote_path FROM uploads u JOIN recordings r ON r.id = u.recording_id ";
  private static final int DONE_LISTED = 20;

  private UploadQueue() {}

  /** Queues a recording's file (once: queuing it again changes nothing). */
  public static void add(Connection connection, String recordingId, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO uploads "
        + "(recording_id, seq, state, created_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM uploads), ?, ?)")) {
      insert.setString(1, recordingId);
      insert.setString(2, UploadState.WAITING.name());
      insert.setLong(3, now.toEpochMilli());
      insert.executeUpdate();
    }
  }

  /** Uploads a crash or a stop left UPLOADING are queued again; returns how many. */
  public static int requeueUnfinished(Connection connection) throws SQLException {
    try (Statement update = connection.createStatement()) {
      return update.executeUpdate("UPDATE uploads SET state = 'WAITING' WHERE state = 'UPLOADING'");
    }
  }

  /** The oldest WAITING upload that is due at {@code now}. */
  public static Optional<QueuedUpload> nextDue(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        SELECT + "WHERE u.state = 'WAITING' AND u.next_attempt_at <= ? ORDER BY u.seq LIMIT 1")) {
      query.setLong(1, now.toEpochMilli());
      return list(query).stream().findFirst();
    }
  }

  /** When the earliest WAITING upload falls due, if any waits. */
  public static Optional<Instant> earliestDue(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT MIN(next_attempt_at) FROM uploads WHERE state = 'WAITING'")) {
      long due = row.getLong(1);
      return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
    }
  }

  public static Optional<QueuedUpload> find(Connection connection, String recordingId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SELECT + "WHERE u.recording_id = ?")) {
      query.setString(1, recordingId);
      return list(query).stream().findFirst();
    }
  }

  /** Uploads not yet done, oldest first, then the latest ones done. */
  public static List<QueuedUpload> overview(Connection connection) throws SQLException {
    List<QueuedUpload> uploads;
    try (PreparedStatement open = connection.prepareStatement(SELECT + "WHERE u.state <> 'DONE' ORDER BY u.seq")) {
      uploads = list(open);
    }
    try (PreparedStatement done = connection.prepareStatement(
        SELECT + "WHERE u.state = 'DONE' ORDER BY u.done_at DESC LIMIT " + DONE_LISTED)) {
      uploads.addAll(list(done));
    }
    return uploads;
  }

  /** Marks an upload as being sent, counting the attempt. */
  public static void taken(Connection connection, String recordingId) throws SQLException {
    update(connection, "UPDATE uploads SET state = 'UPLOADING', attempts = attempts + 1 WHERE recording_id = ?",
        recordingId);
  }

  public static void done(Connection connection, String recordingId, String remotePath, Instant now)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE uploads SET state = 'DONE', remote_path = ?, "
        + "last_error = '', done_at = ? WHERE recording_id = ?")) {
      update.setString(1, remotePath);
      update.setLong(2, now.toEpochMilli());
      update.setString(3, recordingId);
      update.executeUpdate();
    }
  }

  /** Queues an upload again, due at {@code dueAt}, remembering why the last attempt failed (empty: it did not). */
  public static void retryAt(Connection connection, String recordingId, Instant dueAt, String error)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE uploads SET state = 'WAITING', "
        + "next_attempt_at = ?, last_error = ? WHERE recording_id = ? AND state <> 'DONE'")) {
      update.setLong(1, dueAt.toEpochMilli());
      update.setString(2, error);
      update.setString(3, recordingId);
      update.executeUpdate();
    }
  }

  /** Stops retrying an upload until the user asks for it. */
  public static void failed(Connection connection, String recordingId, String error) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE uploads SET state = 'FAILED', last_error = ? WHERE recording_id = ?")) {
      update.setString(1, error);
      update.setString(2, recordingId);
      update.executeUpdate();
    }
  }

  /** Queues FAILED uploads again, due now, with a fresh count of attempts; returns how many. */
  public static int retryFailed(Connection connection, String recordingId) throws SQLException {
    String where = recordingId == null ? "" : " AND recording_id = ?";
    try (PreparedStatement update = connection.prepareStatement("UPDATE uploads SET state = 'WAITING', attempts = 0, "
        + "next_attempt_at = 0 WHERE state = 'FAILED'" + where)) {
      if (recordingId != null) {
        update.setString(1, recordingId);
      }
      return update.executeUpdate();
    }
  }

  private static void update(Connection connection, String sql, String recordingId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, recordingId);
      update.executeUpdate();
    }
  }

  private static List<QueuedUpload> list(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      List<QueuedUpload> uploads = new ArrayList<>();
      while (rows.next()) {
        uploads.add(new QueuedUpload(rows.getString(1), Path.of(rows.getString(2)),
            UploadState.valueOf(rows.getString(3)), rows.getInt(4), Instant.ofEpochMilli(rows.getLong(5)),
            rows.getString(6), rows.getString(7)));
      }
      return uploads;
    }
  }
}
