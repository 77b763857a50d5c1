import { fetchModelFile, fetchModelManifest } from '../src/detector/fetch-model-file.ts';
import { PoseService } from '../src/detector/pose-service.ts';

/** A PoseService that reads models/ over HTTP from the app's own origin. */
export function createBrowserPoseService(modelsBaseUrl: string): PoseService {
  return new PoseService({
    nowMs: () => performance.now(),
    readAsset: (name) => fetchModelFile(modelsBaseUrl, name),
    loadManifest: () => fetchModelManifest(modelsBaseUrl),
  });
}
