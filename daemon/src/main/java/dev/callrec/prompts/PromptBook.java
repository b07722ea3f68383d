package dev.callrec.prompts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prompts in the {@code prompts} table: pending until answered, so that a restart or a UI that was not
 * running when a question came up still gets to ask it.
 */
public final class PromptBook {
  private PromptBook() {}

  /** Adds a pending prompt and returns it. */
  public static Prompt raise(Connection connection, PromptKind kind, String recordingId, Instant now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO prompts (kind, recording_id, created_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, kind.name());
      if (recordingId == null) {
        insert.setNull(2, Types.VARCHAR);
      } else {
        insert.setString(2, recordingId);
      }
      insert.setLong(3, now.toEpochMilli());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Prompt(keys.getLong(1), kind, recordingId, now);
      }
    }
  }

  /** Pending prompts, oldest first. */
  public static List<Prompt> pending(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT id, kind, recording_id, created_at FROM prompts WHERE answered_at IS NULL ORDER BY id")) {
      return list(query);
    }
  }

  /** The pending prompt with this id, if there is one. */
  public static Optional<Prompt> pending(Connection connection, long id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT id, kind, recording_id, created_at FROM prompts WHERE answered_at IS NULL AND id = ?")) {
      query.setLong(1, id);
      return list(query).stream().findFirst();
    }
  }

  /** The latest prompt of this kind about this recording, pending or answered, with its answer if any. */
  public static Optional<Answered> latest(Connection connection, PromptKind kind, String recordingId)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT id, kind, recording_id, created_at, answer "
        + "FROM prompts WHERE kind = ? AND recording_id = ? ORDER BY id DESC LIMIT 1")) {
      query.setString(1, kind.name());
      query.setString(2, recordingId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String answer = rows.getString("answer");
        return Optional.of(new Answered(read(rows), answer == null ? null : PromptAnswer.valueOf(answer)));
      }
    }
  }

  /** Closes a pending prompt; false if it was not pending. */
  public static boolean answer(Connection connection, long id, PromptAnswer answer, Instant now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE prompts SET answer = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL")) {
      update.setString(1, answer.name());
      update.setLong(2, now.toEpochMilli());
      update.setLong(3, id);
      return update.executeUpdate() == 1;
    }
  }

  /** A prompt and how it was answered (null while pending). */
  public record Answered(Prompt prompt, PromptAnswer answer) {}

  private static List<Prompt> list(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      List<Prompt> prompts = new ArrayList<>();
      while (rows.next()) {
        prompts.add(read(rows));
      }
      return prompts;
    }
  }

  private static Prompt read(ResultSet row) throws SQLException {
    return new Prompt(row.getLong("id"), PromptKind.valueOf(row.getString("kind")), row.getString("recording_id"),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }
}
