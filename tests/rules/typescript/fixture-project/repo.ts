/** A project module for typed tests: its class's methods are known only to the type checker. */
export class Repository {
  async save(record: { id: string }): Promise<void> {
    void record;
  }

  load(id: string): Promise<{ id: string }> {
    return Promise.resolve({ id });
  }

  size(): number {
    return 0;
  }

  /** Keeps its errors inside (a guarded `try`): fire-and-forget on it is deliberate. */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.save({ id: "last" });
    } catch {
      // already closed
    }
  }

  closed = false;
}

export function createRepository(): Repository {
  return new Repository();
}
