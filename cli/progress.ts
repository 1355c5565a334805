/**
 * A progress line on stderr for long runs, only for a person watching: stderr is a terminal and this is not CI.
 * ESLint lints the whole list in one call, so progress is reported per batch of files.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const silent: Progress = { update() {}, finish() {} };

export function createProgress(totalFiles: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (totalFiles < 200 || !stream.isTTY || process.env["CI"]) return silent;
  return {
    update(done, total) {
      stream.write(`\rasync-pitfalls: linting ${done}/${total} files…`);
    },
    finish() {
      stream.write("\r\x1b[K");
    },
  };
}
