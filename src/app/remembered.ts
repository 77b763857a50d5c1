/**
 * The small things the page remembers between visits (settings, the routine) in localStorage, where
 * the browser allows it. A browser told not to let sites store data throws on any use of
 * localStorage (Chromium: "Access is denied for this document"), and a full disk throws on a
 * write: then nothing is remembered, and the page works as it does on a first visit.
 */

/** This page's localStorage, or undefined where the browser refuses it. */
export function rememberedStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The value remembered under `key`, or null (none, or nothing can be remembered here). */
export function recall(key: string): string | null {
  try {
    return rememberedStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `value` under `key` where the browser allows it; else it lasts for this visit. */
export function remember(key: string, value: string): void {
  try {
    rememberedStorage()?.setItem(key, value);
  } catch {
    // Refused or full: the choice holds for this visit only.
  }
}
