import type { ModelManifest } from '../src/detector/model-files.ts';
import { PoseService } from '../src/detector/pose-service.ts';

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** A PoseService that reads models/ over HTTP from the app's own origin. */
export function createBrowserPoseService(modelsBaseUrl: string): PoseService {
  return new PoseService({
    nowMs: () => performance.now(),
    readAsset: (name) => fetchBytes(new URL(name, modelsBaseUrl).href),
    loadManifest: async () => {
      try {
        const bytes = await fetchBytes(new URL('manifest.json', modelsBaseUrl).href);
        return JSON.parse(new TextDecoder().decode(bytes)) as ModelManifest;
      } catch (cause) {
        throw new Error(
          `models/manifest.json could not be loaded (${String(cause)}). Run \`npm ci\` to install the models.`,
        );
      }
    },
  });
}
