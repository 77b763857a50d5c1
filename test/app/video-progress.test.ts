import { describe, expect, it } from 'vitest';
import { timeLeftWords, VideoProgress } from '../../src/app/video-progress.ts';

describe('the words while a video is analysed', () => {
  it('say how far it is, and about how long is left at the pace since the first progress', () => {
    // A 28 s clip analysed in 82 s at an even pace (1 % in 0.8 s), after 5 s of opening it.
    const p = new VideoProgress();
    const at = (pct: number) => p.words(pct / 100, 5000 + pct * 800);
    expect(at(1)).toBe('Analysing the video… 1 %');
    expect(at(25)).toBe('Analysing the video… 25 % · about 60 s left');
    expect(at(50)).toBe('Analysing the video… 50 % · about 40 s left');
    expect(at(98)).toBe('Analysing the video… 98 % · a few seconds left');
  });

  it('give no time left until enough is done to go on, nor at the end', () => {
    const p = new VideoProgress();
    expect(p.words(0.02, 10_000)).toBe('Analysing the video… 2 %');
    expect(p.words(0.05, 11_000)).toBe('Analysing the video… 5 %');
    expect(p.words(0.3, 11_500)).toBe('Analysing the video… 30 %');
    expect(p.words(1, 40_000)).toBe('Analysing the video… 100 %');
  });

  it('round the time left to what a person can use: 5 s steps, then minutes', () => {
    expect(timeLeftWords(3)).toBe('a few seconds left');
    expect(timeLeftWords(12)).toBe('about 10 s left');
    expect(timeLeftWords(88)).toBe('about 90 s left');
    expect(timeLeftWords(100)).toBe('about 2 min left');
    expect(timeLeftWords(400)).toBe('about 7 min left');
  });
});
