import type { io } from '@tensorflow/tfjs';

/**
 * Reads one file served under models/ (fetch in the browser, the file system in Node); throws a
 * ModelFileError that says why when it can tell (missing, server gone).
 */
export type AssetReader = (name: string) => Promise<ArrayBuffer>;

export interface ModelManifest {
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
}

/** Why a model file could not be used; each has its own fix. */
export type ModelFileProblem =
  /** Not in this installation (no such file, HTTP 404). */
  | { readonly kind: 'missing' }
  /** The server did not answer (the page's origin went away: `npm start` stopped, offline). */
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'corrupt'; readonly actualSha256: string; readonly expectedSha256: string }
  | { readonly kind: 'unlisted' };

const REINSTALL = 'Reinstall the models: `npm ci` (see models/README.md).';

function describeProblem(file: string, problem: ModelFileProblem): string {
  const path = `models/${file}`;
  switch (problem.kind) {
    case 'missing':
      return `${path} is missing from this installation. ${REINSTALL}`;
    case 'unreachable':
      return (
        `${path} could not be fetched: formcheck's server did not answer (${problem.detail}). ` +
        'Check that it is still running, then try again.'
      );
    case 'unreadable':
      return `${path} could not be read (${problem.detail}). ${REINSTALL}`;
    case 'corrupt':
      return (
        `${path} is corrupt or changed (sha256 ${problem.actualSha256.slice(0, 12)}…, ` +
        `expected ${problem.expectedSha256.slice(0, 12)}…). ${REINSTALL}`
      );
    case 'unlisted':
      return `${path} is not listed in models/manifest.json. ${REINSTALL}`;
  }
}

/** A model file that cannot be used: its name, why, and what to do, in the message. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ModelFileProblem,
  ) {
    super(describeProblem(file, problem));
    this.name = 'ModelFileError';
  }
}

/** models/manifest.json's bytes as a manifest, or why not. */
export function parseManifest(bytes: ArrayBuffer): ModelManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw new ModelFileError('manifest.json', { kind: 'unreadable', detail: String(cause) });
  }
  if (typeof manifest !== 'object' || manifest === null || !('files' in manifest))
    throw new ModelFileError('manifest.json', { kind: 'unreadable', detail: 'no "files" in it' });
  return manifest as ModelManifest;
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readVerified(
  read: AssetReader,
  manifest: ModelManifest,
  file: string,
): Promise<ArrayBuffer> {
  const expected = manifest.files[file];
  if (expected === undefined) throw new ModelFileError(file, { kind: 'unlisted' });
  let data: ArrayBuffer;
  try {
    data = await read(file);
  } catch (cause) {
    if (cause instanceof ModelFileError) throw cause;
    throw new ModelFileError(file, { kind: 'unreadable', detail: String(cause) });
  }
  const actual = await sha256Hex(data);
  if (actual !== expected.sha256)
    throw new ModelFileError(file, {
      kind: 'corrupt',
      actualSha256: actual,
      expectedSha256: expected.sha256,
    });
  return data;
}

interface GraphModelJson {
  readonly modelTopology: object;
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly signature?: object;
  readonly userDefinedMetadata?: Record<string, object>;
  readonly modelInitializer?: object;
  readonly weightsManifest: readonly {
    readonly paths: readonly string[];
    readonly weights: io.WeightsManifestEntry[];
  }[];
}

/**
 * Loads a TF.js graph model's JSON and weight shards through `read`, checks each against the
 * sha256 in models/manifest.json, and returns an in-memory IOHandler for tfjs. Nothing is handed to
 * TensorFlow.js unverified, and a missing or corrupt file fails fast with its name.
 */
export async function verifiedModelHandler(
  read: AssetReader,
  manifest: ModelManifest,
  jsonFile: string,
): Promise<io.IOHandler> {
  const jsonBytes = await readVerified(read, manifest, jsonFile);
  const json = JSON.parse(new TextDecoder().decode(jsonBytes)) as GraphModelJson;
  const dir = jsonFile.includes('/') ? jsonFile.slice(0, jsonFile.lastIndexOf('/') + 1) : '';
  const weightSpecs: io.WeightsManifestEntry[] = [];
  const shards: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    weightSpecs.push(...group.weights);
    for (const path of group.paths) shards.push(await readVerified(read, manifest, dir + path));
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: shards.length === 1 && shards[0] !== undefined ? shards[0] : concat(shards),
  };
  if (json.format !== undefined) artifacts.format = json.format;
  if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
  if (json.convertedBy != null) artifacts.convertedBy = json.convertedBy;
  // The signature maps output names ('ld_3d', ...) to graph nodes; BlazePose needs it.
  if (json.signature !== undefined) artifacts.signature = json.signature;
  if (json.userDefinedMetadata !== undefined)
    artifacts.userDefinedMetadata = json.userDefinedMetadata;
  if (json.modelInitializer !== undefined) artifacts.modelInitializer = json.modelInitializer;
  return { load: () => Promise.resolve(artifacts) };
}

function concat(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}
