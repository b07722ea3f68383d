package dev.callrec;

import dev.callrec.platform.CurrentUser;
import dev.callrec.platform.Folders;
import java.time.Clock;

/** What one daemon needs to start: its folders, whom it answers, and its clock. */
public record DaemonConfig(Folders folders, int allowedCallerUid, Clock clock) {

  public static DaemonConfig forCurrentUser(Folders folders) {
    return new DaemonConfig(folders, CurrentUser.uid(), Clock.systemDefaultZone());
  }
}
