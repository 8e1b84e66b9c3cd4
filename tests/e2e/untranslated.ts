/**
 * English left on a Chinese page: every text and every accessible name (aria-label, title, placeholder, alt)
 * in the interface — the header, the contents, every figure, every exercise, a figure page — read for words
 * of English. Set aside: math (KaTeX), code, and whatever is marked `translate="no"` (the text a model
 * trained on, the letters of "hello", samples it wrote), and the technical names every edition shares.
 */
import type { Page } from 'playwright-core';
import { TECHNICAL_WORDS } from '../shared/technicalWords';

/** What a reader reads as interface on a book page. */
const INTERFACE =
  'header.topbar, #sidebar, main .widget, main .exercise > :is(fieldset, form, [role="status"]), main .exercise summary, main .figure-placeholder, main .figure-page > :not(.widget), main .figures';
/** What is not the interface's words, wherever it sits. */
const NOT_WORDS = '.katex, code, pre, kbd, textarea, script, style, [translate="no"]';

/** Each English word found, with where: `"Play" in button[aria-label]`. */
export async function untranslatedWords(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ roots, skip, technical }) => {
      const known = new Set(technical);
      // A word of English: three letters or more, not an acronym, not a technical name, and not code — no
      // `snake_case` or `dotted.name`, not called, indexed or assigned (`onehot(y)`, `output[0]`, `?backend=cpu`).
      const english = (raw: string) => {
        // A shape written with PyTorch's names, `(batch, features)`, is code too, and `1.9e-7` a number.
        const text = raw.replace(/\((\s*[A-Za-z_]\w*\s*,)+\s*[A-Za-z_]\w*\s*\)|\de[-+]?\d/g, (code) => ' '.repeat(code.length));
        return [...text.matchAll(/[A-Za-z][\w'’.-]*/g)]
          .filter((match) => {
            const word = match[0].replace(/[.'’-]+$/, '');
            const before = text[match.index - 1] ?? '';
            const after = text[match.index + match[0].length] ?? '';
            return word.length >= 3 && !/[_.]/.test(word) && !/^[A-Z]{2,}$/.test(word) && !known.has(word) && !known.has(word.replace(/s$/, '')) && !/[=?./]/.test(before) && !/[[(=]/.test(after);
          })
          .map((match) => match[0]);
      };
      const found: string[] = [];
      const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
      for (const root of document.querySelectorAll(roots)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
          const element = node instanceof Element ? node : node.parentElement;
          if (!element || element.closest(skip)) continue;
          if (node instanceof Text) {
            for (const word of english(node.data)) found.push(`"${word}" in ${describe(element)}: ${node.data.trim().slice(0, 80)}`);
          } else if (node instanceof Element) {
            for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
              const value = node.getAttribute(name);
              if (value) for (const word of english(value)) found.push(`"${word}" in ${describe(node)}[${name}]: ${value.slice(0, 80)}`);
            }
          }
        }
      }
      return [...new Set(found)];
    },
    { roots: INTERFACE, skip: NOT_WORDS, technical: [...TECHNICAL_WORDS] },
  );
}
