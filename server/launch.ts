/**
 * Creates the connection on the transport named on the command line (`--stdio`, `--node-ipc`, `--socket=<port>`,
 * `--pipe=<name>`, handled by vscode-languageserver) or on the IPC channel of a parent that forked the server
 * without a flag, then starts the server on it. vscode-languageserver also handles `shutdown`/`exit` (exit code 0
 * after a shutdown request, 1 without) and `--clientProcessId`.
 */
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, type Connection } from "vscode-languageserver/node";
import { describeError, startServer, type ServerOptions } from "./server.js";
import { hasTransportArgument } from "./transport.js";

export function launch(options: ServerOptions = {}): Connection {
  const connection =
    !hasTransportArgument(process.argv.slice(2)) && typeof process.send === "function"
      ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process))
      : createConnection(ProposedFeatures.all);

  // Last resort: a bug must not take the editor's linting down with it; report it and keep serving. But a broken
  // channel to the client, or a storm of failures, ends the process rather than looping on errors.
  const recent: number[] = [];
  const report = (what: string, error: unknown): void => {
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && recent[0]! < now - 10_000) recent.shift();
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_IPC_CHANNEL_CLOSED" || recent.length > 20) process.exit(1);
    try {
      connection.console.error(`async-pitfalls: ${what}: ${describeError(error)}`);
    } catch {
      process.exit(1);
    }
  };
  process.on("uncaughtException", (error) => report("uncaught exception", error));
  process.on("unhandledRejection", (reason) => report("unhandled rejection", reason));

  startServer(connection, options);
  connection.listen();
  return connection;
}
