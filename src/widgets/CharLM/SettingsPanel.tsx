import { memo } from 'react';
import { LearningRateSlider } from '../../components/LearningRateSlider';
import { Slider } from '../../components/Slider';
import type { CharLmOptions } from '../../core/train/charLm';
import { rangeOf, type FieldRule } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
import { CHAR_LM_OPTIONS_SCHEMA as SCHEMA } from '../../workers/charLmSettings';

const choices = (rule: FieldRule) => (rule.type === 'choice' ? rule.options : []);

/** Model and training settings; `disabled` while a run is going. */
export const SettingsPanel = memo(function SettingsPanel({ options, onChange, disabled }: { options: CharLmOptions; onChange: (options: CharLmOptions) => void; disabled: boolean }) {
  const t = useT('charLm');
  const set = (patch: Partial<CharLmOptions>) => onChange({ ...options, ...patch });
  // Cells, nonlinearities and optimisers go by their code names in every edition; minibatch schemes are words.
  const valueLabel = (value: unknown) => (value === 'sequential' || value === 'random' ? t(`sampling_${value}`) : String(value));
  const radio = <K extends 'kind' | 'nonlinearity' | 'sampling' | 'optimizer'>(key: K, legend: string) => (
    <fieldset className="segmented" disabled={disabled}>
      <legend className="visually-hidden">{legend}</legend>
      {(choices(SCHEMA[key]) as CharLmOptions[K][]).map((value) => (
        <label key={String(value)}>
          <input type="radio" name={`charlm-${key}`} checked={options[key] === value} onChange={() => set({ [key]: value } as Partial<CharLmOptions>)} /> {valueLabel(value)}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="settings-panel">
      <div className="control-grid">
        {radio('kind', t('legendCell'))}
        {options.kind === 'RNN' && radio('nonlinearity', t('legendNonlinearity'))}
        {radio('sampling', t('legendMinibatches'))}
        {radio('optimizer', t('legendOptimiser'))}
      </div>
      <div className="control-grid">
        <Slider label={t('hiddenSize')} value={options.hiddenSize} {...rangeOf(SCHEMA.hiddenSize)} step={8} onChange={(hiddenSize) => set({ hiddenSize })} disabled={disabled} />
        <Slider label={t('layers')} value={options.numLayers} {...rangeOf(SCHEMA.numLayers)} onChange={(numLayers) => set({ numLayers })} disabled={disabled} />
        <Slider label={t('embeddingSize')} value={options.embeddingSize} {...rangeOf(SCHEMA.embeddingSize)} step={8} onChange={(embeddingSize) => set({ embeddingSize })} disabled={disabled} />
        <Slider label={t('sequenceLength')} value={options.steps} {...rangeOf(SCHEMA.steps)} onChange={(steps) => set({ steps })} disabled={disabled} />
        <Slider label={t('batchSize')} value={options.batch} {...rangeOf(SCHEMA.batch)} onChange={(batch) => set({ batch })} disabled={disabled} />
        <LearningRateSlider value={options.learningRate} range={rangeOf(SCHEMA.learningRate)} onChange={(learningRate) => set({ learningRate })} disabled={disabled} />
        <Slider label={t('clipping')} value={options.clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.5} onChange={(clipNorm) => set({ clipNorm })} disabled={disabled} />
        <Slider label={t('epochs')} value={options.epochs} {...rangeOf(SCHEMA.epochs)} onChange={(epochs) => set({ epochs })} disabled={disabled} />
      </div>
    </div>
  );
});
