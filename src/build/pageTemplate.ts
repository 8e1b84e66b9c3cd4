/** The built `index.html` made into one page: its language, its head tags in place of the template's, its HTML in `#root`. */

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g;
/** Inline scripts in `html` (the CSP allows only the template's own, by hash). */
export const countInlineScripts = (html: string) => html.match(INLINE_SCRIPT)?.length ?? 0;

/**
 * The built template with a page's head tags (title, description, canonical link) and body in place. Throws if the page gained an inline script:
 * the Content-Security-Policy in the template only allows the ones it was built with.
 */
export function fillTemplate(template: string, page: { path: string; headTags: string; body: string; preloads: string[]; lang?: string }): string {
  if (countInlineScripts(page.body) > 0) throw new Error(`${page.path}: the rendered page has an inline script, which the CSP would block`);
  const withoutHead = template.replace(/\s*<meta name="description"[^>]*>/, '').replace(/<title>[\s\S]*?<\/title>/, '<!--page-head-->');
  if (!withoutHead.includes('<!--page-head-->') || !withoutHead.includes('<div id="root"></div>')) throw new Error('index.html has no <title> or no empty <div id="root">');
  const preloads = page.preloads.map((href) => `\n    <link rel="modulepreload" crossorigin href="${href}" />`).join('');
  return withoutHead
    .replace(/<html lang="[^"]*"/, (tag) => (page.lang ? `<html lang="${page.lang}"` : tag))
    .replace('<!--page-head-->', () => page.headTags + preloads)
    .replace('<div id="root"></div>', () => `<div id="root" data-rendered-path="${page.path}">${page.body}</div>`);
}
