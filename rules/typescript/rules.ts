/** Every TypeScript/JavaScript rule, by id. Adding a rule: one file here, one line below, one catalogue entry. */
import noBlockingSleep from "./no-blocking-sleep.js";
import noBlockingCall from "./no-blocking-call.js";
import requireTimeout from "./require-timeout.js";
import noUnboundedFanOut from "./no-unbounded-fan-out.js";
import noDanglingTask from "./no-dangling-task.js";
import noFloatingPromise from "./no-floating-promise.js";

export const typescriptRules = {
  "no-blocking-sleep": noBlockingSleep,
  "no-blocking-call": noBlockingCall,
  "require-timeout": requireTimeout,
  "no-unbounded-fan-out": noUnboundedFanOut,
  "no-dangling-task": noDanglingTask,
  "no-floating-promise": noFloatingPromise,
};
