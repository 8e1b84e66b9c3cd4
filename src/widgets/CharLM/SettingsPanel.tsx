import { memo } from 'react';
import { formatNumber } from '../../components/format';
import { Slider } from '../../components/Slider';
import type { CharLmOptions } from '../../core/train/charLm';

/** Model and training settings; `disabled` while a run is going. */
export const SettingsPanel = memo(function SettingsPanel({ options, onChange, disabled }: { options: CharLmOptions; onChange: (options: CharLmOptions) => void; disabled: boolean }) {
  const set = (patch: Partial<CharLmOptions>) => onChange({ ...options, ...patch });
  const radio = <K extends 'kind' | 'nonlinearity' | 'sampling' | 'optimizer'>(key: K, values: CharLmOptions[K][], legend: string) => (
    <fieldset className="segmented" disabled={disabled}>
      <legend className="visually-hidden">{legend}</legend>
      {values.map((value) => (
        <label key={String(value)}>
          <input type="radio" name={`charlm-${key}`} checked={options[key] === value} onChange={() => set({ [key]: value } as Partial<CharLmOptions>)} /> {String(value)}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="settings-panel">
      <div className="control-grid">
        {radio('kind', ['RNN', 'LSTM', 'GRU'], 'Cell')}
        {options.kind === 'RNN' && radio('nonlinearity', ['tanh', 'relu'], 'Nonlinearity')}
        {radio('sampling', ['sequential', 'random'], 'Minibatches')}
        {radio('optimizer', ['sgd', 'adam'], 'Optimiser')}
      </div>
      <div className="control-grid">
        <Slider label="Hidden size" value={options.hiddenSize} min={8} max={512} step={8} onChange={(hiddenSize) => set({ hiddenSize })} disabled={disabled} />
        <Slider label="Layers" value={options.numLayers} min={1} max={3} onChange={(numLayers) => set({ numLayers })} disabled={disabled} />
        <Slider label="Embedding size (0: one-hot)" value={options.embeddingSize} min={0} max={64} step={8} onChange={(embeddingSize) => set({ embeddingSize })} disabled={disabled} />
        <Slider label="Sequence length" value={options.steps} min={5} max={100} onChange={(steps) => set({ steps })} disabled={disabled} />
        <Slider label="Batch size" value={options.batch} min={1} max={64} onChange={(batch) => set({ batch })} disabled={disabled} />
        <Slider label="Learning rate" value={Math.log10(options.learningRate)} min={-4} max={3} step={0.1} format={(v) => formatNumber(10 ** v, 4)} onChange={(v) => set({ learningRate: Number((10 ** v).toPrecision(3)) })} disabled={disabled} />
        <Slider label="Clipping θ (0: off)" value={options.clipNorm} min={0} max={10} step={0.5} onChange={(clipNorm) => set({ clipNorm })} disabled={disabled} />
        <Slider label="Epochs" value={options.epochs} min={1} max={50} onChange={(epochs) => set({ epochs })} disabled={disabled} />
      </div>
    </div>
  );
});
