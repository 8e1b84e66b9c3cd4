/**
 * `npm run build:simd`: compiles src/core/runtime/simd/*.c into two WebAssembly modules, the step kernels
 * (steps.c, updates.c: plain SIMD) and the matrix products (gemm.c: relaxed SIMD, which needs clang 16 or
 * later), each in two variants, one importing the plain heap of tfjs's single-threaded WASM build and one
 * its shared heap (the threaded build), and writes them, base64, into kernelsWasm.ts. The modules are
 * committed, so neither the book's build nor CI needs clang; rerun this after editing them (Debian:
 * `apt-get install clang lld clang-19 lld-19`).
 *
 * The modules work inside tfjs's heap, so they must own none of it: the script refuses a module with a
 * data segment or one whose code reads or moves the stack pointer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GEMM_FUNCTIONS, SIMD_KERNEL_FUNCTIONS } from '../core/runtime/simdKernels';

const directory = join(import.meta.dirname, '../core/runtime/simd');
const scratch = mkdtempSync(join(tmpdir(), 'simd-kernels-'));

/** The first installed clang whose major version is within [lowest, highest], and its llvm-objdump. */
function clangOf(lowest: number, highest: number): { clang: string; objdump: string } {
  for (const suffix of ['', '-19', '-18', '-17', '-16', '-15', '-14']) {
    try {
      const version = /clang version (\d+)/.exec(execFileSync(`clang${suffix}`, ['--version'], { encoding: 'utf8' }));
      if (version && Number(version[1]) >= lowest && Number(version[1]) <= highest) return { clang: `clang${suffix}`, objdump: `llvm-objdump${suffix}` };
    } catch {
      // not installed
    }
  }
  throw new Error(`npm run build:simd needs clang ${lowest}–${highest} (Debian 12: apt-get install clang lld clang-19 lld-19)`);
}

/**
 * The two modules. The step kernels are plain SIMD and spell one instruction in clang 14's assembler
 * (simd.h), which later versions reject; the products need relaxed SIMD in its final encoding, clang 16 on.
 */
const modules = [
  { name: 'kernels', sources: ['steps.c', 'updates.c'], ...clangOf(14, 14), flags: [], functions: SIMD_KERNEL_FUNCTIONS },
  { name: 'gemm', sources: ['gemm.c'], ...clangOf(16, 99), flags: ['-mrelaxed-simd'], functions: GEMM_FUNCTIONS },
];
const common = ['--target=wasm32', '-O3', '-msimd128', '-nostdlib', '-fno-builtin', '-Wl,--no-entry', '-Wl,--import-memory', '-Wl,--strip-all'];
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
const encoded = modules.flatMap((module) =>
  Object.entries(variants).map(([variant, flags]) => {
    const file = `${module.name}-${variant}.wasm`;
    const output = join(scratch, file);
    const exports = module.functions.map((name) => `-Wl,--export=${name}`);
    execFileSync(module.clang, [...common, ...module.flags, ...flags, ...exports, '-o', output, ...module.sources.map((name) => join(directory, name))], { stdio: 'inherit' });
    const bytes = readFileSync(output);
    if (sectionIds(bytes).includes(DATA_SECTION)) throw new Error(`${file} has a data segment`);
    const disassembly = execFileSync(module.objdump, ['-d', output], { encoding: 'utf8' });
    if (/global\.(get|set)/.test(disassembly)) throw new Error(`${file} uses the stack pointer: it would write into tfjs's heap`);
    process.stdout.write(`${file}: ${bytes.length} bytes (${module.clang})\n`);
    const heap = variant === 'plain' ? 'single-threaded heap' : 'shared (threaded) heap';
    return `/** ${module.sources.join(' and ')} built for tfjs's ${heap}. */\nexport const ${module.name.toUpperCase()}_WASM_${variant.toUpperCase()} = '${bytes.toString('base64')}';\n`;
  }),
);

const header = '// Written by `npm run build:simd` from simd/*.c: do not edit.\n';
writeFileSync(join(directory, 'kernelsWasm.ts'), header + encoded.join('\n'));
rmSync(scratch, { recursive: true });
