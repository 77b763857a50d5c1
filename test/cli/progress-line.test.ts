import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../src/cli/io.ts';

function fakeIo(isTty: boolean) {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (t: string) => err.push(t), isTty }, err };
}

describe('the progress line', () => {
  it('in a terminal rewrites one line and ends it before anything else is written', () => {
    const { io, err } = fakeIo(true);
    const p = new ProgressLine(io);
    p.update('frame 15');
    p.update('frame 30');
    p.end();
    p.end();
    expect(err.join('')).toBe('\rframe 15\x1b[K\rframe 30\x1b[K\n');
  });

  it('in a log writes whole lines, at most one per interval', () => {
    const { io, err } = fakeIo(false);
    let now = 0;
    const p = new ProgressLine(io, 1000, () => now);
    p.update('frame 1');
    now = 500;
    p.update('frame 2');
    now = 1200;
    p.update('frame 3');
    p.end();
    expect(err).toEqual(['frame 1\n', 'frame 3\n']);
  });
});
