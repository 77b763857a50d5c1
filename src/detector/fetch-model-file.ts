import { ModelFileError, parseManifest, type ModelManifest } from './model-files.ts';

/**
 * Reads a file under models/ over HTTP from the app's own origin, telling a file that is not there
 * (HTTP 404: reinstall) from a server that does not answer (the fetch fails: start it again).
 */
export async function fetchModelFile(modelsBaseUrl: string, name: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(new URL(name, modelsBaseUrl).href);
  } catch (cause) {
    throw new ModelFileError(name, { kind: 'unreachable', detail: String(cause) });
  }
  if (response.status === 404) throw new ModelFileError(name, { kind: 'missing' });
  if (!response.ok)
    throw new ModelFileError(name, { kind: 'unreadable', detail: `HTTP ${response.status}` });
  return response.arrayBuffer();
}

/** models/manifest.json over HTTP: the sha256 every model file is checked against. */
export async function fetchModelManifest(modelsBaseUrl: string): Promise<ModelManifest> {
  return parseManifest(await fetchModelFile(modelsBaseUrl, 'manifest.json'));
}
