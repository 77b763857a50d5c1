// Copies the hand labels of ../shared/data/labels.json into test/fixtures/labels.ts, so the tests
// run on a clone without ../shared. Sources and notes stay in ../shared (licences, prose).
// Usage: node --import tsx src/eval/copy-labels.ts
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClipLabel } from './score.ts';

const root = join(import.meta.dirname, '..', '..');
const labels = JSON.parse(
  await readFile(join(root, '..', 'shared', 'data', 'labels.json'), 'utf8'),
) as { clips: (ClipLabel & { source?: unknown; notes?: unknown; confidence?: unknown })[] };
const clips = labels.clips.map(({ source: _s, notes: _n, confidence: _c, ...label }) => label);
await writeFile(
  join(root, 'test', 'fixtures', 'labels.ts'),
  `// Hand labels of the clips in ../shared/data (labels.json), copied by src/eval/copy-labels.ts.\n` +
    `import type { ClipLabel } from '../../src/eval/score.ts';\n\n` +
    `export const LABELS: readonly ClipLabel[] = ${JSON.stringify(clips, null, 2)};\n`,
);
console.log(`${clips.length} labelled clips copied.`);
