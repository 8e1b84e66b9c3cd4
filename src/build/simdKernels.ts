/**
 * `npm run build:simd`: compiles src/core/runtime/simd/*.c into two WebAssembly modules, one importing
 * the plain heap of tfjs's single-threaded WASM build and one its shared heap (the threaded build), and
 * writes them, base64, into kernelsWasm.ts. The modules are committed, so neither the book's build nor CI
 * needs clang; rerun this after editing them (Debian: `apt-get install clang lld`).
 *
 * The modules work inside tfjs's heap, so they must own none of it: the script refuses a module with a
 * data segment or one whose code reads or moves the stack pointer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMD_KERNEL_FUNCTIONS } from '../core/runtime/simdKernels';

const directory = join(import.meta.dirname, '../core/runtime/simd');
const sources = ['steps.c', 'updates.c'].map((name) => join(directory, name));
const scratch = mkdtempSync(join(tmpdir(), 'simd-kernels-'));

const common = ['--target=wasm32', '-O3', '-msimd128', '-nostdlib', '-fno-builtin', '-Wl,--no-entry', '-Wl,--import-memory', '-Wl,--strip-all'];
const exports = SIMD_KERNEL_FUNCTIONS.map((name) => `-Wl,--export=${name}`);
const variants = {
  plain: [],
  shared: ['-matomics', '-mbulk-memory', '-Wl,--shared-memory', '-Wl,--max-memory=4294967296'],
};

/** The ids of a module's sections, in order. */
function sectionIds(bytes: Buffer): number[] {
  const ids: number[] = [];
  for (let at = 8; at < bytes.length; ) {
    ids.push(bytes[at++]);
    let [size, shift, byte] = [0, 0, 0x80];
    while (byte & 0x80) {
      byte = bytes[at++];
      size |= (byte & 0x7f) << shift;
      shift += 7;
    }
    at += size;
  }
  return ids;
}

const DATA_SECTION = 11;
const encoded = Object.entries(variants).map(([name, flags]) => {
  const output = join(scratch, `kernels-${name}.wasm`);
  execFileSync('clang', [...common, ...flags, ...exports, '-o', output, ...sources], { stdio: 'inherit' });
  const bytes = readFileSync(output);
  if (sectionIds(bytes).includes(DATA_SECTION)) throw new Error(`kernels-${name}.wasm has a data segment`);
  const disassembly = execFileSync('llvm-objdump', ['-d', output], { encoding: 'utf8' });
  if (/global\.(get|set)/.test(disassembly)) throw new Error(`kernels-${name}.wasm uses the stack pointer: it would write into tfjs's heap`);
  process.stdout.write(`kernels-${name}.wasm: ${bytes.length} bytes\n`);
  return `/** simd/*.c built for tfjs's ${name === 'plain' ? 'single-threaded heap' : 'shared (threaded) heap'}. */\nexport const KERNELS_WASM_${name.toUpperCase()} = '${bytes.toString('base64')}';\n`;
});

const header = '// Written by `npm run build:simd` from steps.c and updates.c: do not edit.\n';
writeFileSync(join(directory, 'kernelsWasm.ts'), header + encoded.join('\n'));
rmSync(scratch, { recursive: true });
