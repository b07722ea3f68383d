package dev.callrec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir
  Path dir;

  @Test
  void aNewDatabaseGetsTheWholeSchemaAndKeepsWhatWasCommitted() throws Exception {
    Path file = dir.resolve("callrec.db");
    try (Database database = Database.open(file)) {
      database.transaction(connection -> {
        Settings.put(connection, "answer", "42");
        return null;
      });
    }
    try (Database reopened = Database.open(file)) {
      String answer = reopened.read(connection -> Settings.get(connection, "answer", null));
      String version = reopened.read(connection -> pragma(connection, "user_version"));
      String journal = reopened.read(connection -> pragma(connection, "journal_mode"));
      assertThat(answer).isEqualTo("42");
      assertThat(version).isEqualTo(Integer.toString(Schema.latest()));
      assertThat(journal).isEqualTo("wal");
    }
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() throws Exception {
    try (Database database = Database.open(dir.resolve("callrec.db"))) {
      assertThatThrownBy(() -> database.transaction(connection -> {
        Settings.put(connection, "half", "done");
        throw new SQLException("disk on fire");
      })).hasMessage("disk on fire");
      String half = database.read(connection -> Settings.get(connection, "half", null));
      assertThat(half).isNull();
    }
  }

  @Test
  void aDatabaseFromANewerCallrecIsRefusedWithWordsThatSayWhy() throws Exception {
    Path file = dir.resolve("callrec.db");
    try (Database database = Database.open(file)) {
      database.transaction(connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA user_version = " + (Schema.latest() + 1));
        }
        return null;
      });
    }
    assertThatThrownBy(() -> Database.open(file)).hasMessageContaining("newer callrec").hasMessageContaining("Update");
  }

  private static String pragma(java.sql.Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeQuery("PRAGMA " + name).getString(1);
    }
  }
}
