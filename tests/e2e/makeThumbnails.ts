/**
 * Writes the figures' pictures, `public/thumbnails/<Name>.webp` and `<Name>-dark.webp`: each figure on its
 * own page of the built book, in Chromium, a few steps in where that shows more, cropped to its picture,
 * scaled to 360 × 225 and encoded as WebP by the browser itself, under 20 KB each.
 *
 *   npx vite build && npx vite-node tests/e2e/makeThumbnails.ts [Name …]
 *
 * Run it again after a figure changes its look; the pictures are committed, so the book needs no browser
 * to build. The README's three pictures (`public/showcase/<Name>.webp`) are the same crops, larger.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { FIGURE_CATALOGUE, type FigureName } from '../../src/mdx/figureCatalogue';
import { freePort, waitForServer } from './serve';

const OUT = 'public/thumbnails';
const SIZE = { width: 360, height: 225 };
const MAX_BYTES = 20_000;
/** The figures the README shows a visitor, larger: where to write them, their size and their budget. */
const SHOWCASE = { names: ['BpttStepper', 'GateInspector', 'CharLM'] as FigureName[], out: 'public/showcase', size: { width: 960, height: 600 }, maxBytes: 90_000 };

/** The part of each figure that shows what it is (default: the figure's body), and what to do first. */
const FOCUS: Partial<Record<FigureName, { selector: string; prepare?: (page: Page) => Promise<void>; viewportWidth?: number }>> = {
  // Wide enough that the whole word fits without the picture scrolling sideways.
  ReadingRnn: { selector: '.reading-pictures', viewportWidth: 1280, prepare: (page) => clickTimes(page, /Read the next letter/, 4) },
  CellStepper: { selector: '.unrolled', prepare: (page) => clickTimes(page, 'Step forward', 3) },
  WorkedExample: { selector: '.unrolled', prepare: (page) => clickTimes(page, 'Step forward', 2) },
  BpttStepper: { selector: '.unrolled', prepare: (page) => clickTimes(page, 'Step forward', 6) },
  HelloTrainer: { selector: '.widget-body', prepare: (page) => clickTimes(page, 'Train', 1, 8_000) },
  GradientFlow: { selector: 'figure.chart' },
  HiddenStateHeatmap: { selector: '.hidden-state-maps' },
  ParamCount: { selector: 'main article' },
  GateInspector: { selector: '.gate-panels' },
  // The learning curve after a short run, rather than the controls.
  CharLM: { selector: '.widget figure.chart', prepare: (page) => clickTimes(page, /^Train /, 1, 25_000) },
};

async function clickTimes(page: Page, name: string | RegExp, times: number, settle = 400): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' }).first();
  for (let k = 0; k < times && (await button.isEnabled()); k++) {
    await button.click();
    await page.waitForTimeout(settle);
  }
}

/** The PNG `shot` scaled to cover `size` from its top-left corner, as WebP at the best quality under `maxBytes`. */
async function toWebp(page: Page, shot: Buffer, size = SIZE, maxBytes = MAX_BYTES): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ png, width, height, maxBytes }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      const scale = Math.max(width / image.width, height / image.height);
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, image.width * scale, image.height * scale);
      let url = '';
      for (let quality = 0.85; quality >= 0.3; quality -= 0.1) {
        url = canvas.toDataURL('image/webp', quality);
        if ((url.length * 3) / 4 <= maxBytes) break;
      }
      return url;
    },
    { png: shot.toString('base64'), ...size, maxBytes },
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

async function main() {
  const wanted = process.argv.slice(2);
  const names = (Object.keys(FIGURE_CATALOGUE) as FigureName[]).filter((name) => wanted.length === 0 || wanted.includes(name));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--no-first-run'], headless: true });
  try {
    await waitForServer(server, base);
    mkdirSync(OUT, { recursive: true });
    for (const name of names) {
      for (const theme of ['light', 'dark'] as const) {
        const focus = FOCUS[name] ?? { selector: '.widget-body' };
        const context = await browser.newContext({ viewport: { width: focus.viewportWidth ?? 900, height: 1000 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
        await context.addInitScript((t) => localStorage.setItem('unrolled.theme', t), theme);
        const page = await context.newPage();
        const query = FIGURE_CATALOGUE[name].query ?? '';
        await page.goto(`${base}/figures/${name}${query ? `${query}&` : '?'}backend=cpu`);
        await page.waitForFunction(() => [...document.querySelectorAll('.widget')].every((w) => w.getAttribute('data-ready') === 'true'), undefined, { timeout: 120_000 });
        await focus.prepare?.(page);
        const target = page.locator(focus.selector).first();
        await target.scrollIntoViewIfNeeded();
        const box = (await target.boundingBox())!;
        // The crop keeps 16:10 from the picture's top-left; a wide picture loses its right end, not its start.
        const width = Math.min(box.width, Math.max(box.height * 1.6, 360));
        const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width, height: Math.min(box.height, width / 1.6) } });
        const webp = await toWebp(page, shot);
        const file = `${OUT}/${name}${theme === 'dark' ? '-dark' : ''}.webp`;
        writeFileSync(file, webp);
        console.log(`${file}: ${webp.length} bytes`);
        if (theme === 'light' && SHOWCASE.names.includes(name)) {
          mkdirSync(SHOWCASE.out, { recursive: true });
          const large = await toWebp(page, shot, SHOWCASE.size, SHOWCASE.maxBytes);
          writeFileSync(`${SHOWCASE.out}/${name}.webp`, large);
          console.log(`${SHOWCASE.out}/${name}.webp: ${large.length} bytes`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
