// eslint-disable-next-line async-pitfalls/no-blocking-sleep
export const ready = true;
