import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodePoseService, MODELS_DIR } from '../../src/node/node-pose-service.ts';

// A broken install must fail fast with the file's name and the fix, never hang.
describe('model files', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  async function copyModels(): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'formcheck-models-'));
    for (const f of ['manifest.json', 'movenet-lightning.json', 'movenet-lightning.bin'])
      await cp(join(MODELS_DIR, f), join(dir, f));
    return dir;
  }

  it('loads a verified model', async () => {
    const service = createNodePoseService(await copyModels());
    await expect(
      service.init({ model: 'movenet-lightning', backend: 'wasm' }),
    ).resolves.toMatchObject({ model: 'movenet-lightning' });
    service.dispose();
  });

  it('names a missing weights file and says how to fix it', async () => {
    const d = await copyModels();
    await rm(join(d, 'movenet-lightning.bin'));
    await expect(
      createNodePoseService(d).init({ model: 'movenet-lightning', backend: 'wasm' }),
    ).rejects.toThrow(/models\/movenet-lightning\.bin is missing from this installation.*npm ci/);
  });

  it('refuses a corrupt file (sha256 mismatch)', async () => {
    const d = await copyModels();
    await writeFile(join(d, 'movenet-lightning.bin'), 'not the weights');
    await expect(
      createNodePoseService(d).init({ model: 'movenet-lightning', backend: 'wasm' }),
    ).rejects.toThrow(/movenet-lightning\.bin is corrupt or changed/);
  });

  it('says the models were never installed when the manifest is missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'formcheck-models-'));
    await expect(
      createNodePoseService(dir).init({ model: 'blazepose-full', backend: 'wasm' }),
    ).rejects.toThrow(/models\/manifest\.json is missing from this installation.*npm ci/);
  });
});
