package dev.callrec.cli;

import dev.callrec.proto.v1.AudioSources;
import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Participant;
import dev.callrec.proto.v1.Recording;
import dev.callrec.proto.v1.StartRecordingRequest;
import java.io.PrintWriter;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start recording a call: the screen, a window, or the test pattern, with the call's sound and "
        + "the microphone. Exit code 5 if the call is already being recorded.")
final class StartCommand extends ClientCommand {
  @Option(names = "--chat", required = true, paramLabel = "TITLE", description = "The chat's title, e.g. \"Team sync\".")
  String chat;

  @Option(names = "--private", description = "A one-to-one chat: the recording is named after --peer.")
  boolean privateChat;

  @Option(names = "--peer", paramLabel = "NAME", description = "The other person in a private chat.")
  String peer;

  @Option(names = "--call-number", defaultValue = "0", paramLabel = "N",
      description = "The call's number in the chat (\"Call 3\"); by default the daemon numbers calls.")
  int callNumber;

  @picocli.CommandLine.Mixin
  SourceOptions source;

  @Option(names = "--silent", description = "Record no sound.")
  boolean silent;

  @Option(names = "--no-microphone", description = "Record the call's sound but not the microphone.")
  boolean noMicrophone;

  @Option(names = "--call-audio", paramLabel = "DEVICE",
      description = "Record the call's sound from this device's monitor (default: the default output).")
  String callAudio;

  @Option(names = "--microphone", paramLabel = "DEVICE", description = "The microphone (default: the default input).")
  String microphone;

  @Option(names = "--call", paramLabel = "ID", description = "The call's id; by default a new one is made up.")
  String callId;

  @Option(names = "--recorder", paramLabel = "USER_ID",
      description = "Who records this call already, as the chat server knows it (refused unless it is --me).")
  String recorder;

  @Option(names = "--recorder-name", paramLabel = "NAME", description = "That participant's name.")
  String recorderName = "";

  @Option(names = "--me", paramLabel = "USER_ID", description = "This user's id on the chat server.")
  String me;

  @Override
  void validate() {
    if (privateChat && (peer == null || peer.isBlank())) {
      throw usage("--private needs --peer NAME.");
    }
    source.check(spec.commandLine());
  }

  @Override
  int run(DaemonClient client, PrintWriter out) {
    String call = callId != null ? callId : "cli-" + UUID.randomUUID().toString().substring(0, 8);
    StartRecordingRequest.Builder request = StartRecordingRequest.newBuilder();
    if (recorder != null) {
      request.setCurrentRecorder(Participant.newBuilder().setUserId(recorder).setName(recorderName));
    }
    if (me != null) {
      request.setMe(Participant.newBuilder().setUserId(me));
    }
    Recording recording = client.call(stub -> stub.startRecording(request
        .setCallId(call)
        .setChat(Chat.newBuilder()
            .setTitle(chat)
            .setType(privateChat ? ChatType.CHAT_TYPE_PRIVATE : ChatType.CHAT_TYPE_GROUP)
            .setPeerName(peer == null ? "" : peer))
        .setCallNumber(callNumber)
        .setSource(source.toProto())
        .setAudio(AudioSources.newBuilder()
            .setSilent(silent)
            .setMicrophoneOff(noMicrophone)
            .setCallAudioDevice(callAudio == null ? "" : callAudio)
            .setMicrophoneDevice(microphone == null ? "" : microphone))
        .build())).getRecording();
    out.printf("Recording call %s into %s%nStop it with: callrec stop --call %s%n",
        call, recording.getFilePath(), call);
    return ExitCodes.OK;
  }
}
