package dev.callrec.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database's tables, as numbered migrations. A database records the last migration it ran
 * ({@code PRAGMA user_version}); opening it runs the ones after that, in the same transaction. Migrations are
 * only ever appended: a released one never changes.
 */
final class Schema {
  private static final List<List<String>> MIGRATIONS = List.of(
      // 1: recordings, their uploads, pending prompts, settings.
      List.of(
          """
          CREATE TABLE recordings (
            id TEXT PRIMARY KEY,
            call_id TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            chat_title TEXT NOT NULL,
            chat_type TEXT NOT NULL,
            peer_name TEXT NOT NULL,
            call_number INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            state TEXT NOT NULL,
            file_path TEXT,
            started_at_ns INTEGER NOT NULL,
            ended_at_ns INTEGER,
            elapsed_ms INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            frames INTEGER NOT NULL,
            dropped_frames INTEGER NOT NULL,
            repeated_frames INTEGER NOT NULL,
            recovered INTEGER NOT NULL,
            view TEXT NOT NULL,
            duration_ms INTEGER,
            video_codec TEXT,
            audio_codec TEXT,
            width INTEGER,
            height INTEGER,
            failure_message TEXT
          )""",
          "CREATE INDEX recordings_by_end ON recordings (ended_at_ns)",
          """
          CREATE TABLE uploads (
            recording_id TEXT PRIMARY KEY REFERENCES recordings (id),
            seq INTEGER NOT NULL UNIQUE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            remote_path TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            done_at INTEGER
          )""",
          """
          CREATE TABLE prompts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            recording_id TEXT REFERENCES recordings (id),
            created_at INTEGER NOT NULL,
            answer TEXT,
            answered_at INTEGER
          )""",
          "CREATE INDEX pending_prompts ON prompts (answered_at, id)",
          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
      // 2: calls, numbered per chat, and which count toward the free plan.
      List.of(
          """
          CREATE TABLE calls (
            call_id TEXT NOT NULL,
            chat_key TEXT NOT NULL,
            call_number INTEGER NOT NULL,
            recordings INTEGER NOT NULL,
            PRIMARY KEY (call_id, chat_key)
          )""",
          "CREATE TABLE chat_numbers (chat_key TEXT PRIMARY KEY, last_number INTEGER NOT NULL)",
          "CREATE TABLE counted_calls (call_id TEXT PRIMARY KEY, counted_by TEXT NOT NULL)"),
      // 3: S3 multipart uploads in flight, so that a restart continues one instead of sending it again.
      List.of(
          """
          CREATE TABLE multipart_uploads (
            object_key TEXT PRIMARY KEY,
            upload_id TEXT NOT NULL,
            part_size INTEGER NOT NULL,
            created_at INTEGER NOT NULL
          )"""));

  private Schema() {}

  /** The schema version this build writes. */
  static int latest() {
    return MIGRATIONS.size();
  }

  static Void migrate(Connection connection) throws SQLException {
    int version;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      version = result.getInt(1);
    }
    if (version > latest()) {
      throw new SQLException("The database was written by a newer callrec (schema " + version
          + ", this one knows " + latest() + "). Update callrec.");
    }
    try (Statement statement = connection.createStatement()) {
      for (int next = version; next < latest(); next++) {
        for (String sql : MIGRATIONS.get(next)) {
          statement.execute(sql);
        }
      }
      statement.execute("PRAGMA user_version = " + latest());
    }
    return null;
  }
}
