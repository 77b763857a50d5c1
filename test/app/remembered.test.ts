import { afterEach, describe, expect, it } from 'vitest';
import { recall, remember, rememberedStorage } from '../../src/app/remembered.ts';
import { loadRoutine, saveRoutine } from '../../src/app/routine-storage.ts';
import { defaultRoutine } from '../../src/engine/routine.ts';

const had = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

/** A localStorage as the browser gives it, or one that throws as a browser refusing site data does. */
function setLocalStorage(storage: Storage | 'refused'): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      if (storage === 'refused')
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      return storage;
    },
  });
}

function memoryStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}

afterEach(() => {
  if (had === undefined) Reflect.deleteProperty(globalThis, 'localStorage');
  else Object.defineProperty(globalThis, 'localStorage', had);
});

describe('what the page remembers between visits', () => {
  it('is kept where the browser allows it', () => {
    setLocalStorage(memoryStorage());
    remember('formcheck.strictness', 'strict');
    expect(recall('formcheck.strictness')).toBe('strict');
    expect(recall('formcheck.model')).toBeNull();
  });

  it('is nothing, without an error, where the browser refuses the site its data', () => {
    setLocalStorage('refused');
    expect(rememberedStorage()).toBeUndefined();
    expect(() => remember('formcheck.strictness', 'strict')).not.toThrow();
    expect(recall('formcheck.strictness')).toBeNull();
    // The routine falls back to the default and a saved change lasts for the visit only.
    expect(loadRoutine()).toEqual(defaultRoutine());
    expect(() => saveRoutine(defaultRoutine().slice(1))).not.toThrow();
  });

  it('is not written, without an error, when the disk is full', () => {
    setLocalStorage(memoryStorage(true));
    expect(() => remember('formcheck.voice', 'x')).not.toThrow();
    expect(recall('formcheck.voice')).toBeNull();
  });
});
