import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { formatNumber } from './format';

/**
 * A number rounded for reading. The exact value rides along in `data-value`, where the copy buttons
 * and the browser tests find it, rather than in a tooltip that would print sixteen digits.
 */
export function ExactNumber({ value, digits = 4, testId }: { value: number; digits?: number; testId?: string }) {
  return (
    <span className="num" data-value={String(value)} data-testid={testId}>
      {formatNumber(value, digits)}
    </span>
  );
}

/** Copies `text` (exact values) to the clipboard: the full precision is one press away from the rounded readout. */
export function CopyExactButton({ text, what }: { text: string; what: string }) {
  const t = useT('figure');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // The page may not be allowed the clipboard (an insecure origin, a denied permission): nothing to undo.
    }
  };
  return (
    <button type="button" className="copy-exact" aria-label={t('copyExactLabel', { what })} onClick={copy}>
      {copied ? t('copied') : t('copyExact')}
    </button>
  );
}
