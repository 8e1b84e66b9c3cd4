/**
 * The header's search box over every chapter's sections, in the page's edition. The index loads on first focus (its own chunk).
 * Results are plain links: Enter in the box opens the first, ↓ moves into the list and ↑/↓ along it,
 * Escape returns to the box and then clears it, and "/" anywhere outside a text field jumps here.
 */
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useT } from '../i18n/useT';
import { Link } from '../routing/Link';
import { useLanguage } from '../routing/language';
import { navigate } from '../routing/router';
import type { SearchHit } from './searchEngine';

/** The loaded search of the page's edition. */
type Engine = (query: string) => SearchHit[];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every occurrence of `terms` marked. */
function Marked({ text, terms }: { text: string; terms: string[] }) {
  if (terms.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'gi');
  return <>{text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

/** What the status line says under the results. */
function statusOf(t: TFunction<'search'>, failed: boolean, engine: Engine | null, hits: SearchHit[], query: string): string {
  if (failed) return t('failed');
  if (!engine) return t('loading');
  if (hits.length === 0) return t('nothingFound', { query: query.trim() });
  return t('found', { count: hits.length });
}

export function SearchBox() {
  const t = useT('search');
  const language = useLanguage();
  const statusId = useId();
  const container = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const hits: SearchHit[] = engine ? engine(query) : [];
  // A Chinese word may be one character; an English query needs two.
  const showPanel = open && query.trim().length >= (language === 'zh' ? 1 : 2);

  const load = () => {
    if (!engine) import('./bookSearch').then((module) => module.loadSearch(language)).then((search) => setEngine(() => search), () => setFailed(true));
  };

  useEffect(() => {
    const jump = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', jump);
    return () => document.removeEventListener('keydown', jump);
  }, []);

  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const links = () => [...(container.current?.querySelectorAll<HTMLAnchorElement>('.search-panel a') ?? [])];

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && hits[0]) {
      event.preventDefault();
      close();
      input.current?.blur();
      navigate(hits[0].href);
    } else if (event.key === 'ArrowDown' && hits.length) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape') {
      if (showPanel) setOpen(false);
      else setQuery('');
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      (next < 0 ? input.current : all[Math.min(next, all.length - 1)])?.focus();
    } else if (event.key === 'Escape') {
      setOpen(false);
      input.current?.focus();
    }
  };

  // Close when focus leaves the box and its results, not when it moves between them.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div className="search" role="search" ref={container} onBlur={onBlur}>
      <input
        ref={input}
        type="search"
        aria-label={t('label')}
        aria-describedby={showPanel ? statusId : undefined}
        placeholder={t('placeholder')}
        value={query}
        onFocus={() => {
          load();
          setOpen(true);
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onInputKey}
      />
      <div className="search-panel" hidden={!showPanel}>
        <ul aria-label={t('results')} onKeyDown={onListKey}>
          {hits.map((hit) => (
            <li key={hit.href}>
              <Link href={hit.href} onClick={close}>
                <span className="search-heading"><Marked text={hit.heading} terms={hit.terms} /></span>
                <span className="search-chapter">{hit.chapter}</span>
                <span className="search-snippet"><Marked text={hit.snippet} terms={hit.terms} /></span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="search-status" id={statusId} role="status">
          {statusOf(t, failed, engine, hits, query)}
        </p>
      </div>
    </div>
  );
}
