package dev.callrec.recording;

/**
 * The calls recorded so far, kept across restarts: their numbers in each chat, how many recordings each had,
 * and which count toward the free plan. Also keeps the plan itself.
 */
public interface CallBook {

  /**
   * Numbers the next recording of {@code callId} in {@code chat}: the call keeps the number it got first
   * ({@code requestedNumber} if above 0, else the chat's next one) and each further recording of it in that
   * chat gets the next sequence (2, 3 …).
   */
  Assignment assign(String callId, Chat chat, int requestedNumber);

  /** How many calls count toward the free plan: calls with a recording longer than the plan's threshold. */
  int countedCalls();

  /** Whether this call already counts toward the free plan (then it may record again at any time). */
  boolean counted(String callId);

  Plan plan();

  void setPlan(Plan plan);

  record Assignment(int callNumber, int sequence) {}
}
