/**
 * Deterministic fuzzing of walk() + planClean() over the fixture corpus:
 * bit flips, truncations, lengths pointing past the end, huge dimensions,
 * IFD loops and self-pointing offsets, nested or oversized XMP, a zTXt bomb.
 * Each variant must finish within the time budget, fail only with a
 * FormatError, produce a plan inside the source's bounds whose output holds
 * no GPS (by our walker on every output, and by exiftool, an independent
 * reader, on a sample), and clean idempotently. Run alone with `npm run fuzz`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { assemble, planClean } from '../../src/formats/clean';
import { bufferSource } from '../../src/formats/source';
import { FormatError, type CleanOptions, type Inventory } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { locationLeft } from '../support/format-oracle';
import { MUTATIONS, prng } from '../support/mutations';
import { IMAGES, MANIFEST, tempDir } from '../support/paths';

/** Per-file budget for walk + planClean + assemble (2-core shared machine, so measured, not assumed). */
const BUDGET_MS = 250;
const VARIANTS_PER_FILE = 48;
/** Every SAMPLE_EVERY-th cleaned variant is also read by exiftool (one run over about 90 files). */
const SAMPLE_EVERY = 16;
const exiftoolPresent = spawnSync('exiftool', ['-ver']).status === 0;
if (!exiftoolPresent && process.env['CI']) throw new Error('exiftool is required in CI');

const OPTIONS: CleanOptions[] = [
  { keepOrientation: true, keepColorProfile: true },
  { keepOrientation: false, keepColorProfile: false },
];

/** What happened to a variant, and how long walk + planClean + assemble took (the output checks are not timed). */
type Outcome = ({ kind: 'walked' } | { kind: 'cleaned' } | { kind: 'rejected'; code: string }) & { ms: number };

/** Walks and cleans one variant (timed by the caller), then checks the output; problems go to `failures`, the clean output to `outputs` when given. */
async function runVariant(bytes: Uint8Array, options: CleanOptions, label: string, failures: string[], outputs?: Uint8Array[]): Promise<Outcome> {
  let out: Uint8Array;
  const t0 = performance.now();
  const ms = (): number => performance.now() - t0;
  try {
    const source = bufferSource(bytes);
    const inv = await walk(source);
    if (inv.format !== 'jpeg' && inv.format !== 'png' && inv.format !== 'webp') return { kind: 'walked', ms: ms() };
    const plan = await planClean(source, options, inv);
    for (const part of plan.parts) {
      if (part.kind === 'copy' && (part.offset < 0 || part.length <= 0 || part.offset + part.length > bytes.length))
        failures.push(`${label}: part out of bounds`);
    }
    out = assemble(plan, bytes);
  } catch (error) {
    if (error instanceof FormatError) return { kind: 'rejected', code: error.code, ms: ms() };
    failures.push(`${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return { kind: 'walked', ms: ms() };
  }
  const elapsed = ms();
  outputs?.push(out);
  try {
    const left = await locationLeft(out);
    if (left.length > 0) failures.push(`${label}: location left in output (${left.join('; ')})`);
    const again = assemble(await planClean(bufferSource(out), options), out);
    if (!Buffer.from(again).equals(Buffer.from(out))) failures.push(`${label}: not idempotent`);
  } catch (error) {
    failures.push(`${label}: the clean output cannot be cleaned again (${String(error)})`);
  }
  return { kind: 'cleaned', ms: elapsed };
}

test('fuzz: walk + planClean on thousands of damaged variants never hang, throw only FormatError, leak no GPS and stay idempotent', async () => {
  const corpus = MANIFEST.filter((m) => ['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff'].includes(m.format) && m.bytes <= 900_000 && !m.synthetic);
  const rejected: Record<string, number> = {};
  const times: number[] = [];
  const failures: string[] = [];
  const sample: Array<{ label: string; input: Uint8Array; output: Uint8Array }> = [];
  let tried = 0;
  let cleaned = 0;
  const mutationNames = Object.keys(MUTATIONS);
  const started = performance.now();
  for (const [fileIndex, entry] of corpus.entries()) {
    const original = new Uint8Array(readFileSync(join(IMAGES, entry.file)));
    let originalInv: Inventory | undefined;
    try {
      originalInv = await walk(bufferSource(original));
    } catch {
      originalInv = undefined;
    }
    for (let v = 0; v < VARIANTS_PER_FILE; v++) {
      const rnd = prng(fileIndex * 10_007 + v);
      const name = mutationNames[v % mutationNames.length]!;
      const bytes = MUTATIONS[name]!(original, originalInv, rnd);
      const options = OPTIONS[v % OPTIONS.length]!;
      const label = `${entry.file} #${v} ${name}`;
      tried++;
      const outputs: Uint8Array[] = [];
      const outcome = await runVariant(bytes, options, label, failures, outputs);
      // Not the XMP nesting and zTXt bombs: they are aimed at our walker, and keep exiftool busy for minutes.
      if (outcome.kind === 'cleaned' && outputs[0] && name !== 'oversizedXmp' && (cleaned + 1) % SAMPLE_EVERY === 0)
        sample.push({ label, input: bytes, output: outputs[0] });
      let ms = outcome.ms;
      if (ms > BUDGET_MS) {
        // Re-time once: a real hang or quadratic path is slow twice, a GC pause or a busy shared CPU is not.
        ms = Math.min(ms, (await runVariant(bytes, options, label, [])).ms);
      }
      times.push(ms);
      if (outcome.kind === 'rejected') rejected[outcome.code] = (rejected[outcome.code] ?? 0) + 1;
      if (outcome.kind === 'cleaned') cleaned++;
      const last = times[times.length - 1] ?? 0;
      if (last > BUDGET_MS) failures.push(`${label}: ${last.toFixed(0)} ms over the ${BUDGET_MS} ms budget`);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  console.log(
    `fuzz: ${tried} variants of ${corpus.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s; cleaned ${cleaned}; rejected by code ${JSON.stringify(rejected)}; ` +
      `time per variant median ${median.toFixed(2)} ms, max ${max.toFixed(1)} ms; failures ${failures.length}`,
  );
  if (exiftoolPresent) {
    // exiftool, which shares no code with the walker, on a sample of inputs and their clean outputs.
    const dir = tempDir('bya-fuzz-');
    const gps = (files: string[]): boolean[] => {
      const run = spawnSync('exiftool', ['-j', '-G1', '-a', '-n', '-q', '-q', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      if (run.status === null) throw new Error(`exiftool did not finish: ${String(run.error)}`);
      const byFile = new Map((JSON.parse(run.stdout || '[]') as Array<Record<string, unknown>>).map((t) => [String(t['SourceFile']), t]));
      return files.map((f) => Object.keys(byFile.get(f) ?? {}).some((k) => /GPS/i.test(k)));
    };
    const inputs = sample.map((_, i) => join(dir, `${i}.in`));
    const outputs = sample.map((_, i) => join(dir, `${i}.out`));
    sample.forEach((s, i) => {
      writeFileSync(inputs[i]!, s.input);
      writeFileSync(outputs[i]!, s.output);
    });
    const inputGps = gps(inputs);
    const outputGps = gps(outputs);
    rmSync(dir, { recursive: true, force: true });
    console.log(
      `fuzz: exiftool read ${sample.length} sampled variants: GPS in ${inputGps.filter(Boolean).length} inputs, in ${outputGps.filter(Boolean).length} clean outputs`,
    );
    // The oracle must see GPS in some inputs, or its silence about the outputs proves nothing.
    expect(inputGps.filter(Boolean).length).toBeGreaterThan(5);
    expect(sample.filter((_, i) => outputGps[i]).map((s) => `${s.label}: exiftool finds GPS in the clean output`)).toEqual([]);
  }
  expect(failures.slice(0, 20)).toEqual([]);
  expect(tried).toBeGreaterThan(2000);
}, 180_000);

test('the location oracle fails closed: an EXIF block it cannot read counts as a location left', async () => {
  const bytes = new Uint8Array(readFileSync(join(IMAGES, 'ianare__DSCN0010.jpg')));
  const inv = await walk(bufferSource(bytes));
  expect(await locationLeft(bytes)).toEqual(['APP1 Exif: EXIF with GPS']);
  bytes.set([0x58, 0x58], inv.exif!.offset); // "XX": no TIFF byte-order mark
  expect(await locationLeft(bytes)).toEqual(['APP1 Exif: EXIF that cannot be read (corrupt)']);
});
