/**
 * The VS Code client: starts the bundled language server, shows a status item while linting fails, and adds the
 * few commands that need VS Code itself (restart, show a rule's documentation). All logic lives in the server; this
 * file only wires VS Code to it. "Lint Whole Workspace" is the server's own command (`workspace/executeCommand`),
 * which vscode-languageclient registers in VS Code.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

const LANGUAGES = ["python", "typescript", "typescriptreact", "javascript", "javascriptreact"];
const DOCUMENT_SELECTOR = LANGUAGES.map((language) => ({ scheme: "file", language }));
const SECTION = "asyncPitfalls";
const SHOW_DOCUMENTATION = "asyncPitfalls.showDocumentation";
/** Settings the server reads; `trace.server` is the client's own. */
const SERVER_SETTINGS = ["enable", "run", "debounceMs", "validate", "rules", "typescript", "configFile", "useEslintConfig"];

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

/** The server's settings as plain data, for `initializationOptions` (the server also pulls them later). */
function currentSettings(): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const value = configuration.get(key);
    if (value !== undefined) settings[key] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  return settings;
}

/**
 * Opens a rule's page: the markdown bundled with the extension (docs/rules/<rule>.md) in VS Code's preview, which
 * works offline; the web page when there is no such file. Without arguments (the command palette) it asks which rule.
 */
async function showDocumentation(context: vscode.ExtensionContext, rule?: unknown, href?: unknown): Promise<void> {
  const rulesFolder = vscode.Uri.joinPath(context.extensionUri, "docs", "rules");
  let id = typeof rule === "string" && /^[a-z][a-z-]*$/u.test(rule) ? rule : undefined;
  if (id === undefined && rule === undefined) {
    const entries = await vscode.workspace.fs.readDirectory(rulesFolder).then(
      (items) => items.filter(([name]) => name.endsWith(".md")).map(([name]) => name.slice(0, -3)).sort(),
      () => [] as string[],
    );
    id = await vscode.window.showQuickPick(entries, { placeHolder: "Show the documentation of which async-pitfalls rule?" });
    if (id === undefined) return;
  }
  if (id !== undefined) {
    const page = vscode.Uri.joinPath(rulesFolder, `${id}.md`);
    const exists = await vscode.workspace.fs.stat(page).then(
      () => true,
      () => false,
    );
    if (exists) {
      await vscode.commands.executeCommand("markdown.showPreview", page);
      return;
    }
  }
  if (typeof href === "string" && /^https?:\/\//u.test(href)) await vscode.env.openExternal(vscode.Uri.parse(href));
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
    synchronize: { configurationSection: SECTION },
    // Evaluated at every (re)start: the settings and the trust state of that moment.
    initializationOptions: () => ({
      [SECTION]: currentSettings(),
      workspaceTrusted: vscode.workspace.isTrusted,
      clientCommands: [SHOW_DOCUMENTATION],
    }),
    // The server answers pulls (textDocument/diagnostic); ask on every change and save, not only on open.
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient("asyncPitfalls", "async-pitfalls", serverOptions, clientOptions);

  const status = createStatusItem();
  context.subscriptions.push(
    status,
    outputChannel,
    vscode.commands.registerCommand("asyncPitfalls.showOutput", () => outputChannel.show()),
    vscode.commands.registerCommand("asyncPitfalls.restartServer", async () => {
      status.hide();
      await client?.restart();
    }),
    vscode.commands.registerCommand(SHOW_DOCUMENTATION, (rule?: unknown, href?: unknown) => showDocumentation(context, rule, href)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification("asyncPitfalls/workspaceTrusted");
    }),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) showProblem(status, "The async-pitfalls server stopped. See the output channel.");
      if (newState === State.Running) status.hide();
    }),
    client.onNotification("asyncPitfalls/status", (params: StatusParams) => {
      if (params.ok) status.hide();
      else showProblem(status, params.message ?? "Linting failed; see the async-pitfalls output channel.");
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
