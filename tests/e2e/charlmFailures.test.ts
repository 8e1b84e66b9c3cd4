/**
 * The character model's failure paths in real Chromium: a worker error, a file picked while a run
 * starts, a generation that must be stopped, and text files that cannot be used. Each must end in a
 * message and a figure that still works. `?backend=cpu` for speed, as in charlm.test.ts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/core/data/vocabulary';
import { toModelFile } from '../../src/core/model/modelFile';
import { CHAR_LM_DEFAULTS, createCharLmModel } from '../../src/core/train/charLm';
import { openPage, useBrowser } from './browser';

const browser = useBrowser();
/** A model file as the figure exports it: LSTM, hidden 64, on the letters vocabulary. */
let modelFile: Buffer;
/**
 * The same at hidden 256, for the test that stops a long generation: generation's fused step writes
 * 2,000 characters of the small model in a few tens of milliseconds; this one takes a good part of a second.
 */
let slowModelFile: Buffer;
beforeAll(async () => {
  const vocabulary = buildVocabulary('abcdefghijklmnopqrstuvwxyz the quick brown fox');
  for (const hiddenSize of [64, 256]) {
    const model = createCharLmModel({ ...CHAR_LM_DEFAULTS, hiddenSize }, vocabulary.tokens.length);
    const file = Buffer.from(JSON.stringify(await toModelFile(model, vocabulary, 'letters')));
    if (hiddenSize === 64) modelFile = file;
    else slowModelFile = file;
    model.dispose();
  }
});

/**
 * Opens the figure with `stored` in localStorage (first load only). While `window.breakTraining` is
 * set, every `train` request reaches the worker with a hidden size of 0, which it must refuse: the way
 * to make the worker fail on purpose from the page.
 */
function open(stored: Record<string, unknown> = {}) {
  return openPage(browser(), '/figures/CharLM?backend=cpu', undefined, (page) =>
    page.addInitScript((entries) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(`unrolled.${key}`, JSON.stringify(value));
      }
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: { type?: string; options?: object }, options?: StructuredSerializeOptions) {
        const broken = (window as unknown as { breakTraining?: boolean }).breakTraining && message?.type === 'train';
        return post.call(this, broken ? { ...message, options: { ...message.options, hiddenSize: 0 } } : message, options);
      } as Worker['postMessage'];
    }, stored),
  );
}

const ready = (page: Page) => page.getByTestId('charlm-backend').and(page.locator('[data-backend="cpu"]')).waitFor({ timeout: 60_000 });
const status = (page: Page) => page.getByTestId('charlm-progress').getAttribute('data-status');
const steps = async (page: Page) => Number(await page.getByTestId('charlm-progress').getAttribute('data-steps'));
const importFile = (page: Page, buffer: Buffer) =>
  page.locator('input[type=file][accept^=".json"]').setInputFiles({ name: 'char-model.json', mimeType: 'application/json', buffer });

describe('character model failures', () => {
  it('garbage in stored settings is fitted; a failing run ends with its message while a file loads; generation works while running and while paused', async () => {
    const { page, errors } = await open({ 'charlm-options': { ...CHAR_LM_DEFAULTS, hiddenSize: 0, kind: 'XYZ', numLayers: 1.5, batch: 8, steps: 20 } });
    await ready(page);
    await expect.poll(() => page.getByTestId('corpus-summary').textContent(), { timeout: 30_000 }).toMatch(/vocabulary/);
    // kind 'XYZ' → the default cell; 1.5 layers → 2; hidden size 0 → the slider's minimum.
    await expect.poll(() => page.getByRole('slider', { name: 'Layers' }).inputValue()).toBe('2');
    expect(await page.getByRole('slider', { name: 'Hidden size' }).inputValue()).toBe('8');

    await page.evaluate(() => ((window as unknown as { breakTraining: boolean }).breakTraining = true));
    await importFile(page, modelFile);
    await page.getByRole('button', { name: 'Train LSTM' }).click();
    await expect.poll(() => page.getByTestId('file-message').textContent()).toMatch(/^Loaded LSTM, hidden 64, 1 layer/);
    await expect.poll(() => status(page)).toBe('failed');
    expect(await page.getByRole('alert').allTextContents()).toContainEqual(expect.stringMatching(/Training could not run: Unusable setting: hiddenSize = 0/));
    // Idle and usable: the imported model is still there to write with.
    expect(await page.getByRole('button', { name: 'Train LSTM' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true);

    await page.evaluate(() => ((window as unknown as { breakTraining: boolean }).breakTraining = false));
    await page.getByRole('button', { name: 'Train LSTM' }).click();
    await expect.poll(() => steps(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    // While the run goes on, Generate writes with the weights of the moment, and the run keeps training.
    const generated = page.getByTestId('generated-text');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => generated.getAttribute('data-complete'), { timeout: 30_000 }).toBe('true');
    const whileRunning = await generated.textContent();
    expect(await status(page)).toBe('running');
    const afterGenerating = await steps(page);
    await expect.poll(() => steps(page), { timeout: 30_000 }).toBeGreaterThan(afterGenerating);
    // And while it is paused: the text changes (a new seed), and Resume goes on.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => generated.textContent(), { timeout: 30_000 }).not.toBe(whileRunning);
    await expect.poll(() => generated.getAttribute('data-complete'), { timeout: 30_000 }).toBe('true');
    expect(await status(page)).toBe('running');
    await page.getByRole('button', { name: 'Resume' }).click();
    const before = await steps(page);
    await expect.poll(() => steps(page), { timeout: 30_000 }).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => status(page)).toBe('aborted');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('after an import on a fresh page Generate works; a long generation stops on request; Reset asks first', async () => {
    const { page, errors } = await open({ 'charlm-generate': { prefix: 'the ', length: 1e7, temperature: 0.8, seed: 0 } });
    await ready(page);
    expect(await page.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
    expect(await page.getByRole('slider', { name: 'Length', exact: true }).inputValue()).toBe('2000');
    await importFile(page, slowModelFile);
    await expect.poll(() => page.getByTestId('file-message').textContent()).toMatch(/Generate to try it/);
    // Stop within a frame or two of Generate, from the page itself: a round trip of the test driver per click can take longer than the whole text.
    await page.evaluate(async () => {
      const button = (name: string) => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
      button('Generate')?.click();
      for (let tries = 0; tries < 100 && !button('Stop generating'); tries++) await new Promise((resolve) => setTimeout(resolve, 1));
      button('Stop generating')?.click();
    });
    await expect.poll(() => page.getByTestId('generated-text').getAttribute('data-complete'), { timeout: 30_000 }).toBe('false');
    const written = (await page.getByTestId('generated-text').textContent()) ?? '';
    expect(written).toMatch(/^the /);
    expect(written.length).toBeLessThan(2000);
    // The worker's queue is free again: the next generation runs to its end.
    await page.getByRole('slider', { name: 'Length', exact: true }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => page.getByTestId('generated-text').getAttribute('data-complete'), { timeout: 30_000 }).toBe('true');

    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect(await page.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a file too big or not text is refused with a message, and the reader’s text stays, also after a reload', async () => {
    const { page, errors } = await open({ 'charlm-corpus': { source: 'own', preprocessing: 'letters' }, 'charlm-own-text': 'my own words, kept safe' });
    const editor = page.getByLabel(/Paste text/);
    const upload = page.getByLabel('Upload a text file');
    await upload.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(9_000_000, 'a') });
    await expect.poll(() => page.getByTestId('upload-problem').textContent()).toMatch(/huge\.txt” is 9 MB; files up to 8 MB/);
    expect(await editor.inputValue()).toBe('my own words, kept safe');
    await upload.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]) });
    await expect.poll(() => page.getByTestId('upload-problem').textContent()).toMatch(/photo\.txt” is not a text file/);
    await upload.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e', 'latin1') });
    await expect.poll(() => page.getByTestId('upload-problem').textContent()).toMatch(/does not read as UTF-8/);
    expect(await editor.inputValue()).toBe('my own words, kept safe');
    await page.reload();
    await expect.poll(() => page.getByLabel(/Paste text/).inputValue()).toBe('my own words, kept safe');
    await page.getByLabel('Upload a text file').setInputFiles({ name: 'ok.txt', mimeType: 'text/plain', buffer: Buffer.from('a new text 😀 with an emoji') });
    await expect.poll(() => page.getByLabel(/Paste text/).inputValue()).toBe('a new text 😀 with an emoji');
    expect(await page.getByTestId('upload-problem').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a GPU device lost mid-run: the run stops with the step whose weights were kept, rebuilt on the fallback, and they write', async () => {
    const settings = { ...CHAR_LM_DEFAULTS, hiddenSize: 8, batch: 2, steps: 5, epochs: 1 };
    const { page, errors } = await openPage(browser(), '/figures/CharLM', undefined, (p) =>
      p.addInitScript((stored) => localStorage.setItem('unrolled.charlm-options', JSON.stringify(stored)), settings),
    );
    await page.getByTestId('charlm-backend').and(page.locator('[data-backend="webgpu"]')).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('corpus-summary').textContent(), { timeout: 30_000 }).toMatch(/vocabulary/);
    await page.getByRole('button', { name: 'Train LSTM' }).click();
    await expect.poll(() => steps(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(8);
    // tfjs keeps its engine on the worker's global scope: the closest a test gets to a driver reset.
    await page.workers()[0].evaluate(() => (globalThis as unknown as { _tfengine: { registry: { webgpu: { device: GPUDevice } } } })._tfengine.registry.webgpu.device.destroy());
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('aborted');
    expect(await page.getByTestId('charlm-progress').textContent()).toMatch(/The GPU was lost at step \d+\. The weights from step \d+ were kept/);
    await expect.poll(() => page.getByTestId('charlm-notice').textContent()).toMatch(/rebuilt there from its weights of step \d+/);
    expect(await page.getByTestId('charlm-backend').getAttribute('data-backend')).not.toBe('webgpu');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => page.getByTestId('generated-text').getAttribute('data-complete'), { timeout: 60_000 }).toBe('true');
    expect(await page.getByRole('button', { name: 'Train LSTM' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
