/**
 * What we know about Python libraries, as data: rules look things up here instead of growing `if` chains.
 * Names are fully qualified as imports resolve them (`time.sleep`, however `time` was imported).
 */

export interface BlockingSleep {
  /** The awaitable to use instead, as a qualified name. */
  readonly replacement: string;
}

export const blockingSleeps: ReadonlyMap<string, BlockingSleep> = new Map([["time.sleep", { replacement: "asyncio.sleep" }]]);
