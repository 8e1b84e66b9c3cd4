import { memo, useState } from 'react';

/** Download the trained model as PyTorch state_dict JSON (with its vocabulary), or load one. */
export const FilePanel = memo(function FilePanel({ exportFile, importFile, disabled, canExport }: {
  exportFile: () => Promise<string>;
  importFile: (file: string) => Promise<{ description: string; vocabulary: string[] }>;
  disabled: boolean;
  /** Whether there is a model to export. */
  canExport: boolean;
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async () => {
    try {
      const url = URL.createObjectURL(new Blob([await exportFile()], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: 'char-model.json' });
      link.click();
      URL.revokeObjectURL(url);
      setMessage({ ok: true, text: 'Saved char-model.json.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Choosing the same file again must load it again.
    input.value = '';
    if (!file) return;
    try {
      const loaded = await importFile(await file.text());
      setMessage({ ok: true, text: `Loaded ${loaded.description} with a vocabulary of ${loaded.vocabulary.length}. Generate to try it.` });
    } catch (error) {
      setMessage({ ok: false, text: `That file was not loaded, and nothing changed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <div className="file-panel">
      <button type="button" onClick={download} disabled={disabled || !canExport}>Export weights (state_dict JSON)</button>
      <label className="file-button">
        Import weights <input type="file" accept=".json,application/json" onChange={(event) => upload(event.target)} disabled={disabled} />
      </label>
      {message && (
        <p className={message.ok ? 'file-ok' : 'widget-error'} role={message.ok ? 'status' : 'alert'} data-testid="file-message">
          {message.text}
        </p>
      )}
    </div>
  );
});
