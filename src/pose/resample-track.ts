import type { PoseTrack } from './pose-track.ts';

/**
 * The same track as a slower camera would have delivered it: the first frame of every 1000/fps ms
 * slot is kept, the rest dropped (timestamps unchanged). For checking that counts and verdicts do
 * not depend on the frame rate.
 */
export function resampleTrack(track: PoseTrack, fps: number): PoseTrack {
  const slotMs = 1000 / fps;
  const t0 = track.frames[0]?.timestampMs ?? 0;
  let lastSlot = -1;
  const frames = track.frames.filter((f) => {
    // A twentieth of a slot of slack: 30 → 15 frames/s keeps every other frame despite rounding.
    const slot = Math.floor((f.timestampMs - t0) / slotMs + 0.05);
    if (slot <= lastSlot) return false;
    lastSlot = slot;
    return true;
  });
  return { ...track, frames };
}
