package dev.callrec.recording;

/** The chat a call belongs to; recordings are named after it and shared into it. */
public record Chat(String id, String title, ChatType type, String peerName) {

  /** The name recordings carry: the peer's name in a private chat, else the chat's title. */
  public String displayName() {
    if (type == ChatType.PRIVATE && peerName != null && !peerName.isBlank()) {
      return peerName;
    }
    return title;
  }
}
