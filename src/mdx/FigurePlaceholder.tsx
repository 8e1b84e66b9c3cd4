/**
 * A figure before its code runs: a still box with the figure's name and what it does. The pre-rendered page
 * shows it (so a reader without JavaScript knows what is there), hydration keeps it, and it stays in place
 * while the figure's code downloads. It imports nothing from the engine: the pre-render never loads tfjs.
 */
import type { ReactNode } from 'react';
import { FIGURE_CATALOGUE, figureText, type FigureName } from './figureCatalogue';
import { useT } from '../i18n/useT';
import { useLanguage } from '../routing/language';

export interface FigurePlaceholderProps {
  figure: FigureName;
  /** true once the figure's code is on its way (in the browser, after hydration): says so, for readers and tests */
  loading?: boolean;
  /** the figure's caption, if the chapter gave it one: prose that must read without the figure */
  children?: ReactNode;
}

export function FigurePlaceholder({ figure, loading = false, children }: FigurePlaceholderProps) {
  const t = useT('figure');
  const { title, description } = figureText(figure, useLanguage());
  const { inline = false } = FIGURE_CATALOGUE[figure];
  if (inline) {
    return (
      <span className="figure-placeholder figure-placeholder-inline" title={`${title}: ${description}`} data-figure-placeholder={figure} aria-busy={loading || undefined}>
        …
      </span>
    );
  }
  return (
    <div className="widget-loading figure-placeholder" data-figure-placeholder={figure} aria-busy={loading || undefined}>
      <p className="figure-placeholder-title">
        <strong>{title}</strong> <span className="figure-placeholder-kind">{t('interactive')}</span>
      </p>
      <p className="figure-placeholder-description">{description}</p>
      {loading && <p className="figure-placeholder-status">{t('loadingFigure')}</p>}
      {children && <div className="figure-caption">{children}</div>}
    </div>
  );
}
