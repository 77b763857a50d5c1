// A worker thread of the video tracker: registers the TypeScript loader, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./track-worker-main.ts');
