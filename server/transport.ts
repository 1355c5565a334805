/**
 * How the server was asked to talk to its client. Kept free of heavy imports, so that running the command by hand
 * prints its usage at once.
 */
export const USAGE = [
  "Usage: async-pitfalls-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>",
  "The async-pitfalls language server. Editors start it: VS Code through the async-pitfalls extension (node IPC),",
  "Neovim, Helix and others with `async-pitfalls-lsp --stdio`.",
  "",
].join("\n");

const TRANSPORT_FLAGS = ["--stdio", "--node-ipc", "--socket", "--pipe"];

/** Whether the arguments name a transport (`--socket=1234` and `--socket 1234` both count). */
export function hasTransportArgument(args: readonly string[]): boolean {
  return args.some((arg) => TRANSPORT_FLAGS.includes(arg.split("=")[0]!));
}

export type Invocation = "serve" | "serve-ipc-channel" | "help" | "version" | "usage-error";

/**
 * What to do: serve on the transport the arguments name; serve on the IPC channel when forked without a flag;
 * print help or the version; or, started by hand with nothing to talk to, print the usage and fail.
 */
export function invocation(args: readonly string[], hasIpcChannel: boolean): Invocation {
  if (args.includes("--help") || args.includes("-h")) return "help";
  if (args.includes("--version") || args.includes("-v")) return "version";
  if (hasTransportArgument(args)) return "serve";
  return hasIpcChannel ? "serve-ipc-channel" : "usage-error";
}
