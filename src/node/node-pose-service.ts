import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PoseService } from '../detector/pose-service.ts';
import { ModelFileError, parseManifest } from '../detector/model-files.ts';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');

/** A file under models/ from disk: a file that is not there is "missing" (reinstall). */
async function readModelFile(modelsDir: string, name: string): Promise<ArrayBuffer> {
  try {
    const bytes = await readFile(join(modelsDir, name));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ModelFileError(name, { kind: 'missing' });
    throw new ModelFileError(name, { kind: 'unreadable', detail: String(cause) });
  }
}

/** The worker's PoseService, reading models/ from disk (tfjs wasm backend in Node). */
export function createNodePoseService(modelsDir = MODELS_DIR): PoseService {
  return new PoseService({
    loadManifest: async () => parseManifest(await readModelFile(modelsDir, 'manifest.json')),
    nowMs: () => performance.now(),
    readAsset: (name) => readModelFile(modelsDir, name),
  });
}
