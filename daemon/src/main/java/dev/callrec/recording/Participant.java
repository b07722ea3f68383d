package dev.callrec.recording;

/** A person in a call, as the chat server knows them. */
public record Participant(String userId, String name) {

  /** Whether this is the same user as {@code other}, by the chat server's id. */
  public boolean sameUser(Participant other) {
    return other != null && userId.equals(other.userId);
  }
}
