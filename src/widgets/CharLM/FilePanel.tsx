import { memo, useState } from 'react';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import type { ModelSummary } from '../../workers/charLmProtocol';
import { modelSummaryText } from './charLmView';

/** What the panel last has to report: a saved file, a loaded model, or why an export or import failed. */
type FileMessage = { kind: 'saved' } | { kind: 'loaded'; model: ModelSummary; vocabularySize: number } | { kind: 'exportFailed' | 'importFailed'; problem: unknown };

/** Download the trained model as PyTorch state_dict JSON (with its vocabulary), or load one. */
export const FilePanel = memo(function FilePanel({ exportFile, importFile, disabled, canExport }: {
  exportFile: () => Promise<string>;
  importFile: (file: string) => Promise<{ model: ModelSummary; vocabulary: string[] }>;
  disabled: boolean;
  /** Whether there is a model to export. */
  canExport: boolean;
}) {
  const t = useT('charLm');
  const say = useReaderText();
  const [message, setMessage] = useState<FileMessage | null>(null);
  const download = async () => {
    try {
      const url = URL.createObjectURL(new Blob([await exportFile()], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: 'char-model.json' });
      link.click();
      URL.revokeObjectURL(url);
      setMessage({ kind: 'saved' });
    } catch (problem) {
      setMessage({ kind: 'exportFailed', problem });
    }
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Choosing the same file again must load it again.
    input.value = '';
    if (!file) return;
    try {
      const loaded = await importFile(await file.text());
      setMessage({ kind: 'loaded', model: loaded.model, vocabularySize: loaded.vocabulary.length });
    } catch (problem) {
      setMessage({ kind: 'importFailed', problem });
    }
  };
  const ok = message?.kind === 'saved' || message?.kind === 'loaded';
  const text = (shown: FileMessage): string => {
    switch (shown.kind) {
      case 'saved':
        return t('saved');
      case 'loaded':
        return t('loaded', { model: modelSummaryText(shown.model, t), size: shown.vocabularySize });
      case 'exportFailed':
        return say(shown.problem);
      case 'importFailed':
        return t('notLoaded', { reason: say(shown.problem) });
    }
  };
  return (
    <div className="file-panel">
      <button type="button" onClick={download} disabled={disabled || !canExport}>{t('exportWeights')}</button>
      <label className="file-button">
        {t('importWeights')} <input type="file" accept=".json,application/json" onChange={(event) => upload(event.target)} disabled={disabled} />
      </label>
      {message && (
        <p className={ok ? 'file-ok' : 'widget-error'} role={ok ? 'status' : 'alert'} data-testid="file-message">
          {text(message)}
        </p>
      )}
    </div>
  );
});
