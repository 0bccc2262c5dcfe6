/**
 * Runs `task` every `intervalMs` until the returned function is called, which stops the timer
 * and waits for a pass still running. Passes never overlap (a tick during a pass is skipped),
 * a failed pass goes to `onError` and the next tick tries again, and the timer never keeps
 * the process alive.
 */
export function startPeriodic(
  task: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= Promise.resolve()
      .then(task)
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
