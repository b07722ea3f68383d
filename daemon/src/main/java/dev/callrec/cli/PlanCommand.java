package dev.callrec.cli;

import dev.callrec.proto.v1.GetStatusRequest;
import dev.callrec.proto.v1.GetStatusResponse;
import dev.callrec.proto.v1.Plan;
import dev.callrec.proto.v1.SetPlanRequest;
import dev.callrec.proto.v1.SetPlanResponse;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show the plan and the free plan's calls used, or set the plan: free (the first 100 calls "
        + "recorded for more than 30 s) or paid (every call).")
final class PlanCommand extends ClientCommand {
  @Parameters(arity = "0..1", paramLabel = "free|paid", description = "The plan to set.")
  String plan;

  @Override
  int run(DaemonClient client, PrintWriter out) {
    if (plan == null) {
      GetStatusResponse status = client.call(stub -> stub.getStatus(GetStatusRequest.getDefaultInstance()));
      out.println(describe(status.getPlan(), status.getQuotaUsed(), status.getQuotaLimit()));
      return ExitCodes.OK;
    }
    Plan value = switch (plan.toLowerCase(Locale.ROOT)) {
      case "free" -> Plan.PLAN_FREE;
      case "paid" -> Plan.PLAN_PAID;
      default -> throw usage("The plan is free or paid, not \"" + plan + "\".");
    };
    SetPlanResponse set = client.call(stub -> stub.setPlan(SetPlanRequest.newBuilder().setPlan(value).build()));
    out.println(describe(set.getPlan(), set.getQuotaUsed(), set.getQuotaLimit()));
    return ExitCodes.OK;
  }

  /** "Free plan: 12 of 100 calls used" or "Paid plan: every call is recorded". */
  static String describe(Plan plan, int used, int limit) {
    return plan == Plan.PLAN_PAID ? "Paid plan: every call is recorded."
        : String.format(Locale.ROOT, "Free plan: %d of %d calls used.", used, limit);
  }
}
