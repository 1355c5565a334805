/**
 * Async assertions in a test (vitest/jest globals): `expect(p).rejects/resolves.<matcher>()` returns a promise; unawaited,
 * the test ends before the assertion runs. Each floating one carries an `expect` comment; the rest is correct.
 */
declare function loadUser(id: string): Promise<{ name: string }>;

describe("users", () => {
  it("rejects unknown ids", async () => {
    expect(loadUser("nobody")).rejects.toThrow("unknown user"); // expect: no-floating-promise
    await expect(loadUser("nobody")).rejects.toThrow("unknown user");
  });

  it("loads a user", async () => {
    expect(loadUser("ada")).resolves.not.toBeNull(); // expect: no-floating-promise
    await expect(loadUser("ada")).resolves.toEqual({ name: "Ada" });
    expect(loadUser("ada")).toBeInstanceOf(Promise);
  });
});
