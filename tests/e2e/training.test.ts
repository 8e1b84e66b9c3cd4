import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, backendOf, openPage, useBrowser, widgetsReady } from './browser';

/** PyTorch's last-epoch predictions for seeds 0-99 (make_hello_fixture.py --predictions). */
const pytorchLast = JSON.parse(readFileSync('tests/fixtures/torch-training/hello-predictions.json', 'utf8')).last as Record<string, string[]>;

const browser = useBrowser();

describe('hello → ohlol trains in the page on WebGPU, as on the CPU', () => {
  it.each([['cell'], ['rnn'], ['embedding']])('%s variant: 15 epochs, final prediction shown, final loss as on the CPU', async (variant) => {
    const { page, errors } = await openPage(browser(), `/figures/HelloTrainer?variant=${variant}`);
    expect(await backendOf(page)).toBe('webgpu');
    await widgetsReady(page);
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.getByTestId('hello-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');
    const seconds = ((await page.evaluate(() => performance.now())) - before) / 1000;
    expect(await status.getAttribute('data-epochs')).toBe('15');
    const text = await status.textContent();
    // The figure's default seed is 0, and a seed is torch.manual_seed: it ends where PyTorch's seed 0 ends.
    expect(text).toMatch(new RegExp(`Epoch 15 of 15: predicted ${pytorchLast[variant][0]}`));
    console.log(`hello ${variant} on webgpu: ${seconds.toFixed(2)} s for 15 epochs; ${text}`);
    await page.screenshot({ path: `${ARTIFACTS}/hello-${variant}.png`, fullPage: true });
    expect(errors).toEqual([]);
    const gpuLoss = Number(await status.locator('[title]').getAttribute('title'));
    await page.context().close();

    // The same run on the CPU backend: WebGPU trained with its fused WGSL recurrence kernels, the CPU with
    // the JavaScript ones, so agreeing after 15 epochs checks the GPU kernels in a real browser().
    const cpu = await openPage(browser(), `/figures/HelloTrainer?variant=${variant}&backend=cpu`);
    expect(await backendOf(cpu.page)).toBe('cpu');
    await widgetsReady(cpu.page);
    await cpu.page.getByRole('button', { name: 'Train', exact: true }).click();
    const cpuStatus = cpu.page.getByTestId('hello-status');
    await expect.poll(() => cpuStatus.getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
    const cpuLoss = Number(await cpuStatus.locator('[title]').getAttribute('title'));
    console.log(`hello ${variant}: final loss ${gpuLoss} on webgpu, ${cpuLoss} on cpu`);
    expect(Math.abs(gpuLoss - cpuLoss)).toBeLessThan(1e-4 * Math.max(1, cpuLoss));
    expect(cpu.errors).toEqual([]);
    await cpu.page.context().close();
  });

  it('steps one epoch at a time, and reset starts over', async () => {
    const { page, errors } = await openPage(browser(), '/figures/HelloTrainer?variant=rnn');
    await widgetsReady(page);
    const status = page.getByTestId('hello-status');
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('button', { name: 'Step one epoch' }).click();
      // The first epoch on a fresh page compiles its GPU programs (seconds on SwiftShader).
      await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 30_000 }).toBe(String(k));
    }
    await page.getByRole('button', { name: 'Reset training' }).click();
    await expect.poll(() => status.getAttribute('data-epochs'), { timeout: 10_000 }).toBe('0');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
