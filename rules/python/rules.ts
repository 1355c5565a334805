/** Every Python rule, by id. Adding a rule: one file here, one line below, one catalogue entry. */
import noBlockingSleep from "./no-blocking-sleep.js";
import noLegacyEventLoop from "./no-legacy-event-loop.js";
import noSwallowedCancellation from "./no-swallowed-cancellation.js";
import requireTaskDone from "./require-task-done.js";
import noUnawaitedCoroutine from "./no-unawaited-coroutine.js";
import noBlockingCall from "./no-blocking-call.js";
import requireTimeout from "./require-timeout.js";
import noDanglingTask from "./no-dangling-task.js";
import noUnboundedFanOut from "./no-unbounded-fan-out.js";

export const pythonRules = {
  "no-blocking-sleep": noBlockingSleep,
  "no-swallowed-cancellation": noSwallowedCancellation,
  "no-legacy-event-loop": noLegacyEventLoop,
  "require-task-done": requireTaskDone,
  "no-unawaited-coroutine": noUnawaitedCoroutine,
  "no-blocking-call": noBlockingCall,
  "require-timeout": requireTimeout,
  "no-dangling-task": noDanglingTask,
  "no-unbounded-fan-out": noUnboundedFanOut,
};
