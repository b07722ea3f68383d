package dev.callrec.store;

import dev.callrec.recording.CallBook;
import dev.callrec.recording.Chat;
import dev.callrec.recording.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The calls in the database: numbered per chat where the UI does not number them, with their recordings
 * counted, and the calls that count toward the free plan. Counting goes by the recordings' own durations,
 * never by the clock, so changing the clock changes nothing.
 */
public final class CallLedger implements CallBook {
  private static final String PLAN = "plan";

  private final Database database;
  private final Plan defaultPlan;

  /** {@code defaultPlan}: the plan until one is set (from the config file, else free). */
  public CallLedger(Database database, Plan defaultPlan) {
    this.database = database;
    this.defaultPlan = defaultPlan;
  }

  @Override
  public Assignment assign(String callId, Chat chat, int requestedNumber) {
    String chatKey = chat.id() != null && !chat.id().isBlank() ? "id:" + chat.id() : "title:" + chat.title();
    return database.transactionOrFail(connection -> {
      Optional<int[]> known = find(connection, callId, chatKey);
      if (known.isPresent()) {
        int number = known.get()[0];
        int sequence = known.get()[1] + 1;
        update(connection, "UPDATE calls SET recordings = ? WHERE call_id = ? AND chat_key = ?", sequence, callId,
            chatKey);
        return new Assignment(number, sequence);
      }
      int last = lastNumber(connection, chatKey);
      int number = requestedNumber > 0 ? requestedNumber : last + 1;
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO chat_numbers (chat_key, last_number) "
          + "VALUES (?, ?) ON CONFLICT (chat_key) DO UPDATE SET last_number = MAX(last_number, excluded.last_number)")) {
        upsert.setString(1, chatKey);
        upsert.setInt(2, number);
        upsert.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO calls (call_id, chat_key, call_number, recordings) VALUES (?, ?, ?, 1)")) {
        insert.setString(1, callId);
        insert.setString(2, chatKey);
        insert.setInt(3, number);
        insert.executeUpdate();
      }
      return new Assignment(number, 1);
    });
  }

  @Override
  public int countedCalls() {
    return database.readOrFail(connection -> {
      try (Statement query = connection.createStatement();
          ResultSet row = query.executeQuery("SELECT COUNT(*) FROM counted_calls")) {
        return row.getInt(1);
      }
    });
  }

  @Override
  public boolean counted(String callId) {
    return database.readOrFail(connection -> {
      try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM counted_calls WHERE call_id = ?")) {
        query.setString(1, callId);
        try (ResultSet row = query.executeQuery()) {
          return row.next();
        }
      }
    });
  }

  /** Marks a call as counting toward the free plan, within the caller's transaction; once is enough. */
  public static void count(Connection connection, String callId, String recordingId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR IGNORE INTO counted_calls (call_id, counted_by) VALUES (?, ?)")) {
      insert.setString(1, callId);
      insert.setString(2, recordingId);
      insert.executeUpdate();
    }
  }

  @Override
  public Plan plan() {
    return database.readOrFail(connection -> Plan.valueOf(Settings.get(connection, PLAN, defaultPlan.name())));
  }

  @Override
  public void setPlan(Plan plan) {
    database.transactionOrFail(connection -> {
      Settings.put(connection, PLAN, plan.name());
      return null;
    });
  }

  private static Optional<int[]> find(Connection connection, String callId, String chatKey) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT call_number, recordings FROM calls WHERE call_id = ? AND chat_key = ?")) {
      query.setString(1, callId);
      query.setString(2, chatKey);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(new int[] {row.getInt(1), row.getInt(2)}) : Optional.empty();
      }
    }
  }

  private static int lastNumber(Connection connection, String chatKey) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT last_number FROM chat_numbers WHERE chat_key = ?")) {
      query.setString(1, chatKey);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    }
  }

  private static void update(Connection connection, String sql, int value, String callId, String chatKey)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setInt(1, value);
      update.setString(2, callId);
      update.setString(3, chatKey);
      update.executeUpdate();
    }
  }
}
