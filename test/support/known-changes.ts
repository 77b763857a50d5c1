import { expect } from 'vitest';

/**
 * A clip whose result is known to change under some conditions (frame rates, slowdowns), and why.
 * None is skipped: where the change is known it must happen, so a change that stops happening is
 * seen and taken off the list.
 */
export interface KnownChange<C> {
  /** The conditions under which it changes. */
  readonly at: readonly C[];
  readonly why: string;
}

/** Whether `known` names `condition`. */
export function isKnownAt<C>(
  known: KnownChange<C> | undefined,
  condition: C,
): known is KnownChange<C> {
  return known?.at.includes(condition) === true;
}

/** `actual` equals `expected`, unless the change is known at `condition`: then it must differ. */
export function expectSameUnlessKnown<C>(
  actual: unknown,
  expected: unknown,
  known: KnownChange<C> | undefined,
  condition: C,
  what: string,
): void {
  if (isKnownAt(known, condition)) expect(actual, known.why).not.toEqual(expected);
  else expect(actual, what).toEqual(expected);
}
