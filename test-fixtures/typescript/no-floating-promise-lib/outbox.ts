/**
 * Support module for the no-floating-promise fixtures: a class whose methods the fixtures call on instances. Untyped
 * mode reads this class's declarations (`async`, `Promise<…>` return types) to know which calls return promises.
 */
export class Outbox {
  private readonly sent: string[] = [];

  async send(message: string): Promise<void> {
    this.sent.push(message);
  }

  flush(): number {
    return this.sent.length;
  }

  /** Keeps its errors inside: firing it and forgetting is deliberate. */
  async close(): Promise<void> {
    try {
      await this.send("bye");
    } catch (error) {
      console.error(error);
    }
  }
}

/** Inherits `send` from `Outbox`. */
export class PriorityOutbox extends Outbox {
  async sendUrgent(message: string): Promise<void> {
    await this.send(`!${message}`);
  }
}
