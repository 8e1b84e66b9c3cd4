import { useRef, useState, type HTMLAttributes } from 'react';
import { useT } from '../i18n/useT';

/** A code block (already highlighted at build time) with a button that copies its text. */
export function CodeBlock(props: HTMLAttributes<HTMLPreElement>) {
  const t = useT('exercise');
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pre.current?.innerText ?? '');
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure context or permissions): the text stays selectable.
    }
  };
  return (
    <div className="code-block">
      <button type="button" className="copy-button" onClick={copy} aria-label={t('copyCode')}>
        {copied ? t('copied') : t('copy')}
      </button>
      <pre ref={pre} tabIndex={0} {...props} />
    </div>
  );
}

/** The "In PyTorch" box: the library lines a reader will type, next to what the widgets computed. */
export function InPyTorch({ children }: { children: React.ReactNode }) {
  const t = useT('exercise');
  return (
    <aside className="in-pytorch" aria-label={t('inPyTorch')}>
      {children}
    </aside>
  );
}

/**
 * The "If you learned from the notes" box: a fact about PyTorch stated against a slip that older notes
 * make, with a check the reader can run. It carries its own heading so that it reads on its own.
 */
export function FromTheNotes({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useT('exercise');
  return (
    <aside className="from-the-notes" aria-label={t('fromTheNotesLabel', { title })}>
      <p className="from-the-notes-title">
        <strong>{t('fromTheNotes')}</strong> {title}
      </p>
      {children}
    </aside>
  );
}
