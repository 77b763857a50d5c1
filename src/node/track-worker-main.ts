// One pose detector in a worker thread: decodes a stretch of a video and returns its poses.
// The video tracker (video-tracker.ts) runs one per core and splits the work between them.
import { parentPort } from 'node:worker_threads';
import { PeopleCountSchedule } from '../engine/others-in-view.ts';
import type { ModelId } from '../pose/model-catalog.ts';
import type { TrackFrame } from '../pose/pose-track.ts';
import { createNodePoseService } from './node-pose-service.ts';
import { decodeVideo, type VideoInfo } from './video-decoder.ts';

export type WorkerRequest =
  | { readonly type: 'init'; readonly model: ModelId }
  | {
      readonly type: 'job';
      readonly id: number;
      readonly path: string;
      readonly info: VideoInfo;
      readonly maxFps: number;
      /** Poses are kept from here; decoding starts `warmupSec` earlier so tracking has settled. */
      readonly fromSec: number;
      readonly toSec: number | undefined;
      readonly warmupSec: number;
      /** Count the people in view every this many ms of the video (MoveNet MultiPose); none if absent. */
      readonly countPeopleEveryMs?: number;
    };

export type WorkerReply =
  | { readonly type: 'ready'; readonly backend: string }
  | { readonly type: 'progress'; readonly id: number; readonly frames: number }
  | { readonly type: 'done'; readonly id: number; readonly frames: readonly TrackFrame[] }
  | { readonly type: 'error'; readonly id?: number; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('track-worker runs as a worker thread.');
const service = createNodePoseService();
const send = (reply: WorkerReply) => port.postMessage(reply);
/** Progress is reported every this many frames. */
const PROGRESS_EVERY = 15;

async function runJob(job: Extract<WorkerRequest, { type: 'job' }>): Promise<void> {
  service.reset();
  const frames: TrackFrame[] = [];
  const keepFromMs = job.fromSec * 1000 - 1;
  const people =
    job.countPeopleEveryMs === undefined
      ? undefined
      : new PeopleCountSchedule(keepFromMs, job.countPeopleEveryMs);
  let decoded = 0;
  for await (const frame of decodeVideo(job.path, job.info, {
    maxFps: job.maxFps,
    startSec: Math.max(0, job.fromSec - job.warmupSec),
    ...(job.toSec === undefined ? {} : { endSec: job.toSec }),
    threads: 1,
  })) {
    const kept = frame.timestampMs >= keepFromMs;
    // People are counted on kept frames only (the warm-up's are dropped).
    const countPeople = kept && people?.due(frame.timestampMs) === true;
    const result = await service.estimate(frame, frame.timestampMs, { countPeople });
    // Warm-up frames too: a jump just before the stretch makes its first frames due, as whole.
    people?.saw(result.pose, frame.timestampMs);
    if (kept)
      frames.push({
        timestampMs: frame.timestampMs,
        pose: result.pose,
        ...(result.personCount === undefined ? {} : { people: result.personCount }),
      });
    decoded += 1;
    if (decoded % PROGRESS_EVERY === 0) send({ type: 'progress', id: job.id, frames: decoded });
  }
  send({ type: 'done', id: job.id, frames });
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'init') {
    service
      .init({ model: request.model, backend: 'wasm' })
      .then((info) => send({ type: 'ready', backend: info.backend.name }))
      .catch((e: unknown) => send({ type: 'error', message: (e as Error).message }));
    return;
  }
  runJob(request).catch((e: unknown) =>
    send({ type: 'error', id: request.id, message: (e as Error).message }),
  );
});
