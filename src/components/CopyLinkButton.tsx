/**
 * "Copy link" in a figure's frame: copies the address that reopens the figure exactly as the reader sees
 * it (its settings and step, see `useFigureUrl`). Where the clipboard is unavailable (an insecure page, a
 * refused permission) the link appears in a field, selected, for the reader to copy by hand.
 */
import { useContext, useEffect, useId, useRef, useState } from 'react';
import { figureLink } from '../hooks/figureUrl';
import { FigureUrlContext, flushFigureUrl } from '../hooks/useFigureUrl';
import { useT } from '../i18n/useT';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/** The button, its spoken outcome, and the fallback field; nothing outside a figure. */
export function CopyLinkButton() {
  const t = useT('figure');
  const figure = useContext(FigureUrlContext);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
    if (outcome.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);
  if (!figure) return null;

  const copy = async () => {
    flushFigureUrl();
    const link = figureLink(location.href, figure.scope, Object.fromEntries(figure.current));
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', link });
    }
  };
  return (
    <span className="copy-link">
      <button type="button" className="copy-link-button" onClick={copy} aria-describedby={outcome.kind === 'manual' ? fieldId : undefined}>
        {t('copyLink')}
      </button>
      <span role="status" className="copy-link-status">
        {outcome.kind === 'copied' ? t('linkCopied') : outcome.kind === 'manual' ? t('copyThisLink') : ''}
      </span>
      {outcome.kind === 'manual' && (
        <input
          ref={field}
          id={fieldId}
          className="copy-link-field"
          type="url"
          readOnly
          value={outcome.link}
          aria-label={t('linkToFigure')}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </span>
  );
}
