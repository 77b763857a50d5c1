import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PoseService } from '../detector/pose-service.ts';
import type { ModelManifest } from '../detector/model-files.ts';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');

/** The worker's PoseService, reading models/ from disk (tfjs wasm backend in Node). */
export function createNodePoseService(modelsDir = MODELS_DIR): PoseService {
  return new PoseService({
    loadManifest: async () => {
      try {
        return JSON.parse(
          await readFile(join(modelsDir, 'manifest.json'), 'utf8'),
        ) as ModelManifest;
      } catch {
        throw new Error(
          `${join(modelsDir, 'manifest.json')} is missing. Run \`npm ci\` to install the models.`,
        );
      }
    },
    nowMs: () => performance.now(),
    readAsset: async (name) => {
      const bytes = await readFile(join(modelsDir, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  });
}
