import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/app/deadline.ts';

const never = new Promise<never>(() => undefined);

describe('withDeadline', () => {
  it('gives the answer that comes in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 50, () => new Error('late'))).resolves.toBe(7);
  });

  it("fails with the caller's error when no answer comes", async () => {
    await expect(withDeadline(never, 20, () => new RangeError('no pose'))).rejects.toThrow(
      RangeError,
    );
  });

  it('passes on a failure that comes first', async () => {
    await expect(
      withDeadline(Promise.reject(new Error('broken')), 50, () => new Error('late')),
    ).rejects.toThrow('broken');
  });
});
