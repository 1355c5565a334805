/**
 * The VS Code client: starts the bundled language server and shows a status item while linting fails.
 * All logic lives in the server; this file only wires VS Code to it.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

const DOCUMENT_SELECTOR = ["python", "typescript", "typescriptreact", "javascript", "javascriptreact"].map((language) => ({
  scheme: "file",
  language,
}));

/** Sent by the server when linting a document fails (`ok: false`) and when it works again. */
interface StatusParams {
  ok: boolean;
  message?: string;
  uri?: string;
}

let client: LanguageClient | undefined;

function createStatusItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem("asyncPitfalls.status", vscode.StatusBarAlignment.Right, 100);
  item.name = "async-pitfalls";
  item.command = "asyncPitfalls.showOutput";
  return item;
}

function showProblem(item: vscode.StatusBarItem, message: string): void {
  item.text = "$(warning) async-pitfalls";
  item.tooltip = message;
  item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
  item.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join("out", "server.mjs"));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--inspect=6011"] } },
  };
  const outputChannel = vscode.window.createOutputChannel("async-pitfalls", { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    synchronize: { configurationSection: "asyncPitfalls" },
  };
  client = new LanguageClient("asyncPitfalls", "async-pitfalls", serverOptions, clientOptions);

  const status = createStatusItem();
  context.subscriptions.push(
    status,
    outputChannel,
    vscode.commands.registerCommand("asyncPitfalls.showOutput", () => outputChannel.show()),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) showProblem(status, "The async-pitfalls server stopped. See the output channel.");
    }),
  );
  await client.start();
  context.subscriptions.push(
    client.onNotification("asyncPitfalls/status", (params: StatusParams) => {
      if (params.ok) status.hide();
      else showProblem(status, params.message ?? "Linting failed; see the async-pitfalls output channel.");
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
