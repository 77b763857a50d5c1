/// <reference lib="webworker" />

/**
 * A Web Lock held for the worker's whole life: the browser releases it when the worker ends, for
 * whatever reason (a crash, `self.close()`, out of memory), so the page can wait for it and learn
 * at once that the worker is gone, with no timeout to tune. Resolves true once held; false where
 * the browser has no Web Locks (the page then relies on its liveness probe alone).
 */
export function holdLifeLock(name: string): Promise<boolean> {
  const locks = (self.navigator as { locks?: LockManager } | undefined)?.locks;
  if (name === '' || locks === undefined) return Promise.resolve(false);
  return new Promise((held) => {
    void locks.request(name, () => {
      held(true);
      return new Promise<never>(() => undefined);
    });
  });
}
