package dev.callrec.cli;

import dev.callrec.proto.v1.AnswerPromptRequest;
import dev.callrec.proto.v1.ListPromptsRequest;
import dev.callrec.proto.v1.Prompt;
import dev.callrec.proto.v1.PromptAnswer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "prompts", mixinStandardHelpOptions = true,
    description = "Show the questions waiting for the user (share a recording? connect a Drive?).",
    subcommands = {PromptsCommand.Answer.class})
final class PromptsCommand extends ClientCommand {

  @Override
  int run(DaemonClient client, PrintWriter out) {
    List<Prompt> prompts = client.call(stub -> stub.listPrompts(ListPromptsRequest.getDefaultInstance()))
        .getPromptsList();
    for (Prompt prompt : prompts) {
      out.println(prompt.getId() + "  " + prompt.getMessage());
    }
    out.println(prompts.isEmpty() ? "No questions are waiting." : "Answer with: callrec prompts answer ID share|dismiss");
    return ExitCodes.OK;
  }

  @Command(name = "answer", mixinStandardHelpOptions = true,
      description = "Answer a prompt. Exit code 4 if no such prompt is waiting.")
  static final class Answer extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The prompt's id.")
    long promptId;

    @Parameters(index = "1", paramLabel = "share|dismiss", description = "The answer.")
    String answer;

    @Override
    int run(DaemonClient client, PrintWriter out) {
      PromptAnswer value = switch (answer.toLowerCase(java.util.Locale.ROOT)) {
        case "share" -> PromptAnswer.PROMPT_ANSWER_SHARE;
        case "dismiss" -> PromptAnswer.PROMPT_ANSWER_DISMISS;
        default -> throw usage("The answer is share or dismiss, not \"" + answer + "\".");
      };
      client.call(stub -> stub.answerPrompt(
          AnswerPromptRequest.newBuilder().setPromptId(promptId).setAnswer(value).build()));
      out.println(value == PromptAnswer.PROMPT_ANSWER_SHARE
          ? "Shared: the link follows as a share_ready event (see `callrec watch`)." : "Dismissed.");
      return ExitCodes.OK;
    }
  }
}
