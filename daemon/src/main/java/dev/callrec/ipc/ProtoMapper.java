package dev.callrec.ipc;

import dev.callrec.recording.Participant;
import dev.callrec.recording.Plan;
import com.google.protobuf.Timestamp;
import dev.callrec.media.AudioPlan;
import dev.callrec.media.Region;
import dev.callrec.media.ScreenSpec;
import dev.callrec.media.SourceSpec;
import dev.callrec.media.WindowSpec;
import dev.callrec.proto.v1.AudioSources;
import dev.callrec.proto.v1.Screen;
import dev.callrec.proto.v1.View;
import dev.callrec.recording.CallView;
import dev.callrec.media.TestPatternSpec;
import dev.callrec.proto.v1.CaptureSource;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.RecordingState;
import dev.callrec.proto.v1.StartRecordingRequest;
import dev.callrec.proto.v1.TestPattern;
import dev.callrec.recording.Chat;
import dev.callrec.recording.RecordingRequest;
import dev.callrec.recording.RecordingSnapshot;
import java.time.Instant;

/** Translates between the wire contract and the daemon's own types. */
final class ProtoMapper {
  private ProtoMapper() {}

  static RecordingRequest toRequest(StartRecordingRequest request) {
    Chat chat = request.hasChat() ? toChat(request.getChat()) : null;
    return new RecordingRequest(request.getCallId().trim(), chat, request.getCallNumber(),
        toSource(request.getSource()), toAudioPlan(request.getAudio()), toView(request.getView()),
        request.hasCurrentRecorder() ? toParticipant(request.getCurrentRecorder(), "current_recorder") : null,
        request.hasMe() ? toParticipant(request.getMe(), "me") : null);
  }

  static Participant toParticipant(dev.callrec.proto.v1.Participant participant, String field) {
    if (participant.getUserId().isBlank()) {
      throw new IllegalArgumentException(field + ".user_id is required: the chat server's id of the user.");
    }
    return new Participant(participant.getUserId().trim(), participant.getName().trim());
  }

  static dev.callrec.proto.v1.Participant toProto(Participant participant) {
    return dev.callrec.proto.v1.Participant.newBuilder()
        .setUserId(participant.userId()).setName(participant.name()).build();
  }

  static Plan toPlan(dev.callrec.proto.v1.Plan plan) {
    return switch (plan) {
      case PLAN_FREE -> Plan.FREE;
      case PLAN_PAID -> Plan.PAID;
      default -> throw new IllegalArgumentException("plan is required: PLAN_FREE or PLAN_PAID.");
    };
  }

  static dev.callrec.proto.v1.Plan toProto(Plan plan) {
    return plan == Plan.PAID ? dev.callrec.proto.v1.Plan.PLAN_PAID : dev.callrec.proto.v1.Plan.PLAN_FREE;
  }

  static CallView toView(View view) {
    return view == View.VIEW_CHAT ? CallView.CHAT : CallView.CALL;
  }

  private static View toProto(CallView view) {
    return view == CallView.CHAT ? View.VIEW_CHAT : View.VIEW_CALL;
  }

  private static AudioPlan toAudioPlan(AudioSources audio) {
    return new AudioPlan(audio.getSilent(), audio.getCallAudioDevice().trim(), audio.getMicrophoneDevice().trim(),
        audio.getMicrophoneOff());
  }

  static Chat toChat(dev.callrec.proto.v1.Chat chat) {
    dev.callrec.recording.ChatType type = chat.getType() == ChatType.CHAT_TYPE_PRIVATE
        ? dev.callrec.recording.ChatType.PRIVATE
        : dev.callrec.recording.ChatType.GROUP;
    return new Chat(chat.getId(), chat.getTitle(), type, chat.getPeerName());
  }

  static SourceSpec toSource(CaptureSource source) {
    switch (source.getKindCase()) {
      case SCREEN:
        Screen screen = source.getScreen();
        return new ScreenSpec(screen.getDisplay().trim(), screen.hasRegion() ? toRegion(screen.getRegion()) : null);
      case WINDOW:
        if (source.getWindow().getWindowId() == 0) {
          throw new IllegalArgumentException("window_id is required to record a window.");
        }
        return new WindowSpec(source.getWindow().getDisplay().trim(), source.getWindow().getWindowId());
      case TEST_PATTERN:
      case KIND_NOT_SET:
        TestPattern pattern = source.getTestPattern();
        TestPatternSpec defaults = TestPatternSpec.hd720();
        return new TestPatternSpec(
            orDefault(pattern.getWidth(), defaults.width()),
            orDefault(pattern.getHeight(), defaults.height()),
            orDefault(pattern.getFrameRate(), defaults.frameRate()),
            orDefault(pattern.getToneHz(), defaults.toneHz()),
            pattern.getSyncMarks());
      default:
        throw new IllegalArgumentException("This daemon cannot record the source " + source.getKindCase() + ".");
    }
  }

  private static Region toRegion(dev.callrec.proto.v1.Region region) {
    return new Region(region.getX(), region.getY(), region.getWidth(), region.getHeight());
  }

  private static int orDefault(int value, int otherwise) {
    return value == 0 ? otherwise : value;
  }

  static Recording toProto(RecordingSnapshot recording) {
    Recording.Builder proto = Recording.newBuilder()
        .setId(recording.id())
        .setCallId(recording.callId())
        .setChat(toProto(recording.chat()))
        .setSequence(recording.sequence())
        .setCallNumber(recording.callNumber())
        .setState(toProto(recording.state()))
        .setStartedAt(toTimestamp(recording.startedAt()))
        .setElapsedMs(recording.elapsedMs())
        .setSizeBytes(recording.sizeBytes())
        .setFrames(recording.frames())
        .setDroppedFrames(recording.droppedFrames())
        .setRepeatedFrames(recording.repeatedFrames())
        .setView(toProto(recording.view()))
        .setRecovered(recording.recovered());
    if (recording.file() != null) {
      proto.setFilePath(recording.file().toString());
    }
    if (recording.endedAt() != null) {
      proto.setEndedAt(toTimestamp(recording.endedAt()));
    }
    if (recording.media() != null) {
      proto.setDurationMs(recording.media().durationMs())
          .setVideoCodec(recording.media().videoCodec())
          .setAudioCodec(recording.media().audioCodec())
          .setWidth(recording.media().width())
          .setHeight(recording.media().height());
    }
    if (recording.failureMessage() != null) {
      proto.setFailureMessage(recording.failureMessage());
    }
    return proto.build();
  }

  static dev.callrec.proto.v1.Chat toProto(Chat chat) {
    return dev.callrec.proto.v1.Chat.newBuilder()
        .setId(nullToEmpty(chat.id()))
        .setTitle(nullToEmpty(chat.title()))
        .setType(chat.type() == dev.callrec.recording.ChatType.PRIVATE
            ? ChatType.CHAT_TYPE_PRIVATE : ChatType.CHAT_TYPE_GROUP)
        .setPeerName(nullToEmpty(chat.peerName()))
        .build();
  }

  private static RecordingState toProto(dev.callrec.recording.RecordingState state) {
    return switch (state) {
      case STARTING -> RecordingState.RECORDING_STATE_STARTING;
      case RECORDING -> RecordingState.RECORDING_STATE_RECORDING;
      case FINALIZING -> RecordingState.RECORDING_STATE_FINALIZING;
      case FINISHED -> RecordingState.RECORDING_STATE_FINISHED;
      case FAILED -> RecordingState.RECORDING_STATE_FAILED;
      case INTERRUPTED -> RecordingState.RECORDING_STATE_INTERRUPTED;
    };
  }

  static Timestamp toTimestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
