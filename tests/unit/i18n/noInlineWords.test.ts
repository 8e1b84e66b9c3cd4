/**
 * Figures and the shell take their words from the catalogues, never from inline literals: every `.ts`/`.tsx`
 * file the interface is built from (`src/app`, `src/components`, `src/mdx`, `src/search`, `src/widgets`,
 * `src/hooks`, `src/routing`) is parsed with TypeScript, and a word a reader could read is flagged wherever
 * it appears as text:
 *   - JSX text (`<button>Play</button>`),
 *   - a string or template literal that reads as words: two English words (`'Could not import'`), or one
 *     capitalised word (`'Play'`).
 * Not text: import paths, type literals, `className`/`data-*`/`key`/`id`/… attribute values, comparisons and
 * `case` labels (`kind === 'LSTM'`), object keys, catalogue keys (`t('play')`), and the names of the
 * technical things every edition writes the same way (RNN, nn.LSTM, PyTorch, WebGPU, tanh, …).
 * A failure names the file, the line and the words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isTechnicalWord } from '../../shared/technicalWords';

const FOLDERS = ['src/app', 'src/components', 'src/mdx', 'src/search', 'src/widgets', 'src/hooks', 'src/routing'];

/** JSX attributes whose values are for the code, not the reader. */
const CODE_ATTRIBUTES = /^(className|class|key|id|htmlFor|role|type|name|href|src|rel|target|lang|dir|method|inputMode|autoComplete|mode|variant|kind|slot|d|fill|stroke|transform|viewBox|preserveAspectRatio|textAnchor|dominantBaseline|strokeLinecap|strokeLinejoin|accept|step|pattern|form|to|as|ns|i18nKey|tag|figure|namespace|aria-(live|hidden|current|expanded|controls|haspopup|pressed|checked|orientation|describedby|labelledby|busy|atomic|relevant|modal|selected|sort))$|^data-/;

/** The words of `text` a reader would read, once technical names and symbols are set aside. */
function readableWords(text: string): string[] {
  // TeX commands, environments and data keys are markup; the words of a `\text{…}` still count.
  const prose = text.replace(/\\(begin|end)\{\w+\*?\}|\\htmlData\{[^}]*\}|\\[A-Za-z]+/g, ' ');
  return (prose.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !isTechnicalWord(word));
}

/** Whether a literal's text reads as words: two words of English, or one capitalised word. */
function readsAsWords(text: string): boolean {
  // Paths, namespaced keys, markup, media queries and CSS values are for the code.
  if (/^[\w.-]*\/[\w./ -]*$/.test(text) || /^[a-z]+(:[a-z][\w.-]*)+$/i.test(text) || /^\s*[<(]/.test(text) || /var\(--|^[a-z-]+\(|\d(px|em|rem)\b/.test(text)) return false;
  const words = readableWords(text).filter((word) => word.length >= 2);
  const longWords = words.filter((word) => word.length >= 3);
  if (longWords.length >= 2 && /\s/.test(text.trim())) return true;
  const bare = text.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  return words.length === 1 && bare === words[0] && /^[A-Z][a-z]{2,}$/.test(words[0]);
}

/** Whether a JSX text reads as words: any readable word of two or more letters. */
const jsxTextReads = (text: string) => readableWords(text).some((word) => word.length >= 2 && /[a-z]/.test(word));

/** Every interface source file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Expressions a literal passes through on its way to where it is used: `a ? 'x' : 'y'`, `'x' + y`, `(…)`. */
function isPassThrough(node: ts.Node): boolean {
  return ts.isConditionalExpression(node) || ts.isParenthesizedExpression(node) || ts.isTemplateSpan(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind));
}

/** Whether a literal sits where the code, not the reader, reads it. */
function isCodeLiteral(node: ts.Node): boolean {
  let parent = node.parent;
  while (isPassThrough(parent)) {
    node = parent;
    parent = parent.parent;
  }
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) return true;
  const attribute = ts.isJsxExpression(parent) ? parent.parent : parent;
  if (ts.isJsxAttribute(attribute) && CODE_ATTRIBUTES.test(attribute.name.getText())) return true;
  // A developer's error (the reader's come as ReaderError with a catalogue key).
  if (ts.isNewExpression(parent) && parent.expression.getText() === 'Error') return true;
  // The argument of a translate call is a key; of console.* a developer's note; of a DOM query a selector.
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    if (/^(t|\w+T|useT|useTranslation|i18n\.t|console\.\w+)$|\.(addEventListener|removeEventListener|getContext|querySelector|querySelectorAll|closest|matches|setAttribute|getAttribute|matchMedia|createElement)$/.test(callee)) return true;
  }
  return false;
}

interface Finding {
  where: string;
  text: string;
}

function inlineWords(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ where: `${file}:${line}`, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (jsxTextReads(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isCodeLiteral(node) && readsAsWords(node.text)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      if (!isCodeLiteral(node) && readsAsWords(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the interface has no inline words', () => {
  it.each(FOLDERS)('%s takes every word a reader sees from the catalogues', (folder) => {
    const findings = sourceFiles(folder).flatMap(inlineWords);
    expect(findings.map(({ where, text }) => `${where} ${JSON.stringify(text)}`)).toEqual([]);
  });

  it('finds words where they hide, and leaves code alone', () => {
    expect(readsAsWords('Could not import the file')).toBe(true);
    expect(readsAsWords('Play')).toBe(true);
    expect(readsAsWords('Computing…')).toBe(true);
    expect(readsAsWords('play')).toBe(false);
    expect(readsAsWords('nn.LSTM')).toBe(false);
    expect(readsAsWords('W_hh')).toBe(false);
    expect(readsAsWords('\\begin{aligned} h &= \\tanh(a) \\\\ o &= \\sigma(z) \\end{aligned}')).toBe(false);
    expect(readsAsWords('\\underbrace{x}_{\\text{from the future}}')).toBe(true);
    expect(jsxTextReads(' Train ')).toBe(true);
    expect(jsxTextReads(' × ')).toBe(false);
    expect(jsxTextReads('nn.RNN')).toBe(false);
  });
});
