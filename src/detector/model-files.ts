import type { io } from '@tensorflow/tfjs';

/** Reads one file served under models/ (fetch in the browser, the file system in Node). */
export type AssetReader = (name: string) => Promise<ArrayBuffer>;

export interface ModelManifest {
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
}

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `Model file models/${file} ${problem}. Run \`npm ci\` to reinstall the models (see models/README.md).`,
    );
    this.name = 'ModelFileError';
  }
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
  if (expected === undefined)
    throw new ModelFileError(file, 'is not listed in models/manifest.json');
  let data: ArrayBuffer;
  try {
    data = await read(file);
  } catch (cause) {
    throw new ModelFileError(file, `could not be read (${String(cause)})`);
  }
  const actual = await sha256Hex(data);
  if (actual !== expected.sha256) {
    throw new ModelFileError(
      file,
      `is corrupt or changed (sha256 ${actual.slice(0, 12)}…, expected ${expected.sha256.slice(0, 12)}…)`,
    );
  }
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
