/**
 * Chinese text in the character model, in real Chromium: pasted text is not erased, the vocabulary is
 * built from whole characters, a large one switches the input to an embedding and says what it costs,
 * and a model trained for a few steps writes Chinese. `?backend=cpu` for speed, as in charlm.test.ts.
 */
import { expect, it } from 'vitest';
import { CHAR_LM_DEFAULTS } from '../../src/core/train/charLm';
import { ARTIFACTS, openPage, useBrowser } from './browser';

const browser = useBrowser();

// A few sentences, then a run of 150 distinct characters, so that the vocabulary passes 128 tokens.
const SENTENCES = '循环神经网络把读过的字压缩进隐状态。每读一个字，它就更新一次状态，再预测下一个字。困惑度越低，预测越准。\n';
const MANY = Array.from({ length: 150 }, (_, k) => String.fromCodePoint(0x4e00 + 3 * k)).join('');
const TEXT = SENTENCES.repeat(8) + MANY + '\n' + SENTENCES.repeat(4);
const HAN = /\p{Script=Han}/u;

it('pasted Chinese trains a few steps and generates Chinese', async () => {
  const settings = { ...CHAR_LM_DEFAULTS, hiddenSize: 32, batch: 8, steps: 20, epochs: 8 };
  const { page, errors } = await openPage(browser(), '/figures/CharLM?backend=cpu', undefined, (p) =>
    p.addInitScript((stored) => localStorage.setItem('unrolled.charlm-options', JSON.stringify(stored)), settings),
  );
  await page.getByTestId('charlm-backend').and(page.locator('[data-backend="cpu"]')).waitFor({ timeout: 60_000 });
  await page.getByLabel('Your own text').check();
  await page.getByLabel(/Paste text/).fill(TEXT);
  // The default setting keeps only a–z: the figure says so instead of calling the text empty.
  await expect.poll(() => page.getByTestId('letters-erase').textContent()).toMatch(/removes .* characters/);
  await page.getByRole('button', { name: 'Keep every character' }).click();
  const vocabulary = new Set(TEXT.replace(/\s+/gu, ' ').trim()).size + 1;
  await expect.poll(() => page.getByTestId('corpus-summary').textContent()).toMatch(new RegExp(`vocabulary of ${vocabulary} tokens`));
  await expect.poll(() => page.getByTestId('embedding-note').textContent()).toMatch(/embedding of 32/);
  const cost = page.getByTestId('charlm-cost');
  expect(await cost.getAttribute('data-vocabulary')).toBe(String(vocabulary));
  console.log(`Chinese text: V = ${vocabulary}; ${await cost.textContent()}`);

  // About 800 characters in batches of 8 × 20: four steps an epoch, so 8 epochs make a short run.
  await page.getByRole('button', { name: 'Train LSTM' }).click();
  const progress = page.getByTestId('charlm-progress');
  await expect.poll(() => progress.getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');
  expect(Number(await progress.getAttribute('data-steps'))).toBeGreaterThanOrEqual(20);

  await page.getByLabel('Prefix (warm-up)').fill('循环');
  await page.getByRole('button', { name: 'Generate' }).click();
  const generated = page.getByTestId('generated-text');
  await expect.poll(() => generated.getAttribute('data-complete'), { timeout: 60_000 }).toBe('true');
  const written = (await generated.textContent()) ?? '';
  console.log(`generated: ${written.slice(0, 80)}`);
  expect(written.startsWith('循环')).toBe(true);
  expect([...written.slice(2)].filter((ch) => HAN.test(ch)).length).toBeGreaterThan(10);
  await page.screenshot({ path: `${ARTIFACTS}/charlm-chinese.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
});
