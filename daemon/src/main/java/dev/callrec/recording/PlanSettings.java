package dev.callrec.recording;

/** The plan until one is set over gRPC, and the free plan's rule. */
public record PlanSettings(Plan defaultPlan, FreePlan freePlan) {
  public static final PlanSettings DEFAULT = new PlanSettings(Plan.FREE, FreePlan.STANDARD);
}
