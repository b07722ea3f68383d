package dev.callrec.cli;

import dev.callrec.proto.v1.Chat;
import dev.callrec.proto.v1.ChatType;
import dev.callrec.proto.v1.Participant;
import dev.callrec.proto.v1.UpdateCallRequest;
import dev.callrec.proto.v1.UpdateCallResponse;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "invite", mixinStandardHelpOptions = true,
    description = "People were invited into a private chat's call, which goes on in a group chat: the private "
        + "chat's recording is finished and a new one starts for the group chat.")
final class InviteCommand extends ClientCommand {
  @Option(names = "--call", required = true, paramLabel = "ID", description = "The call.")
  String callId;

  @Option(names = "--group-chat", required = true, paramLabel = "TITLE", description = "The group chat's title.")
  String groupTitle;

  @Option(names = "--group-id", paramLabel = "ID", description = "The chat app's id of the group chat.")
  String groupId = "";

  @Option(names = "--person", paramLabel = "NAME", description = "Someone invited (repeat for each).")
  List<String> invited = List.of();

  @Override
  int run(DaemonClient client, PrintWriter out) {
    UpdateCallRequest.Builder request = UpdateCallRequest.newBuilder().setCallId(callId)
        .setChat(Chat.newBuilder().setId(groupId).setTitle(groupTitle).setType(ChatType.CHAT_TYPE_GROUP));
    invited.forEach(name -> request.addInvited(Participant.newBuilder().setUserId(name).setName(name)));
    UpdateCallResponse response = client.call(stub -> stub.updateCall(request.build()));
    if (!response.hasStarted()) {
      out.println("The call was not being recorded; nothing changed.");
      return ExitCodes.OK;
    }
    out.println(RecordingText.summary(response.getFinished()));
    out.println("Recording goes on in " + groupTitle + " as " + RecordingText.fileName(response.getStarted()));
    return ExitCodes.OK;
  }
}
