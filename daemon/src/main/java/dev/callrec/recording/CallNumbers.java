package dev.callrec.recording;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers calls per chat where the UI does not, and counts the recordings of each call. Held in memory: after
 * a restart numbering starts again, and the file namer's never-overwrite rule keeps names apart.
 */
final class CallNumbers {
  private final Map<String, Integer> numberByCall = new HashMap<>();
  private final Map<String, Integer> lastNumberByChat = new HashMap<>();
  private final Map<String, Integer> recordingsByCall = new HashMap<>();

  record Assignment(int callNumber, int sequence) {}

  synchronized Assignment assign(String callId, Chat chat, int requestedNumber) {
    String chatKey = chat.id() != null && !chat.id().isBlank() ? "id:" + chat.id() : "title:" + chat.title();
    int number;
    if (requestedNumber > 0) {
      number = requestedNumber;
      numberByCall.put(callId, number);
      lastNumberByChat.merge(chatKey, number, Math::max);
    } else {
      number = numberByCall.computeIfAbsent(callId, id -> lastNumberByChat.merge(chatKey, 1, Integer::sum));
    }
    int sequence = recordingsByCall.merge(callId, 1, Integer::sum);
    return new Assignment(number, sequence);
  }
}
