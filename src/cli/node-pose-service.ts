import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PoseService } from '../../workers/pose-service.ts';
import type { ModelManifest } from '../../workers/model-files.ts';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');

/** The worker's PoseService, reading models/ from disk (tfjs wasm backend in Node). */
export async function createNodePoseService(modelsDir = MODELS_DIR): Promise<PoseService> {
  const manifest = JSON.parse(await readFile(join(modelsDir, 'manifest.json'), 'utf8')) as ModelManifest;
  return new PoseService({
    manifest,
    nowMs: () => performance.now(),
    readAsset: async (name) => {
      const bytes = await readFile(join(modelsDir, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  });
}
