package dev.callrec.recording;

/** What the user pays for: the free plan records a limited number of calls, a paid plan every call. */
public enum Plan {
  FREE, PAID
}
