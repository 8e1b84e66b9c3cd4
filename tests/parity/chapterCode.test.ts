/**
 * Every ```python block of every chapter runs under Debian's PyTorch (/usr/bin/python3, python3-torch) and
 * prints what its comments say it prints; run_chapter_code.py does the running and the checking, one chapter
 * per process with its blocks in order, as a reader would paste them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const CHAPTERS = join(__dirname, '../../chapters');
const RUNNER = join(__dirname, 'run_chapter_code.py');

/**
 * Code the chapters ask a reader to shorten on a CPU ("reduce on a CPU"), cut to a smoke test: the claim
 * checked is that the code runs, not that 500 epochs of a 512-unit RNN converge.
 */
const SHORTER: Record<string, string[]> = {
  '09-char-language-model.mdx': ['range(500)=>range(2)'],
};

const torchCheck = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
const hasTorch = torchCheck.status === 0;
const chapters = readdirSync(CHAPTERS).filter((f) => f.endsWith('.mdx') && readFileSync(join(CHAPTERS, f), 'utf8').includes('```python'));

// Chapter 9 reads corpus.txt: give it a few thousand characters of English, its own prose.
const workdir = mkdtempSync(join(tmpdir(), 'unrolled-chapter-code-'));
writeFileSync(join(workdir, 'corpus.txt'), readFileSync(join(CHAPTERS, '09-char-language-model.mdx'), 'utf8').slice(0, 6000));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe('the In PyTorch code of every chapter', () => {
  if (!hasTorch) {
    const why = `skipped: ${PYTHON} cannot import torch (apt-get install python3-torch)`;
    console.warn(`chapter code: ${why}`);
    it.skip(why, () => undefined);
    return;
  }

  it.each(chapters.map((file) => [file]))('%s runs and prints what it says', (file) => {
    const run = spawnSync(PYTHON, [RUNNER, join(CHAPTERS, file), ...(SHORTER[file] ?? [])], {
      cwd: workdir,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, OMP_NUM_THREADS: '1', CUDA_VISIBLE_DEVICES: '' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });
});
