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
}

export function createRepository(): Repository {
  return new Repository();
}
