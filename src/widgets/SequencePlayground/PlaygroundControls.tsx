import { memo } from 'react';
import { SegmentedChoice, SelectChoice } from '../../components/Choices';
import { LearningRateSlider } from '../../components/LearningRateSlider';
import { Slider } from '../../components/Slider';
import { CELL_CHOICES, SEQUENCE_PRESETS, TASKS, type CellChoice, type TaskId } from '../../core/tasks';
import { rangeOf } from '../../hooks/settingsSchema';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import { CUSTOM, PLAYGROUND_SCHEMA as SCHEMA, type PlaygroundSettings } from '../../workers/sequenceSettings';

const CELLS = Object.keys(CELL_CHOICES) as CellChoice[];
const OPTIMIZERS = [{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD' }] as const;

interface Props {
  settings: PlaygroundSettings;
  /** a change of any setting but the preset itself leaves the preset */
  onChange: (patch: Partial<PlaygroundSettings>) => void;
  onPreset: (name: string) => void;
  disabled: boolean;
}

/** The task, its span and length, the network and the training budget. */
export const PlaygroundControls = memo(function PlaygroundControls({ settings, onChange, onPreset, disabled }: Props) {
  const t = useT('sequencePlayground');
  const say = useReaderText();
  const task = TASKS[settings.task];
  const taskOptions = Object.values(TASKS).map((option) => ({ value: option.id, label: say(option.title) }));
  const cellOptions = CELLS.map((cell) => ({ value: cell, label: say(CELL_CHOICES[cell].label) }));
  const presetOptions = [{ value: CUSTOM, label: t('presetNone') }, ...SEQUENCE_PRESETS.map((p) => ({ value: p.name, label: say(p.title) }))];
  const slider = (key: 'length' | 'delay' | 'maxDepth' | 'hiddenSize' | 'numLayers' | 'batch' | 'steps' | 'seed', label: string, step = 1, max?: number) => (
    <Slider label={label} value={Math.min(settings[key], max ?? Infinity)} {...rangeOf(SCHEMA[key])} {...(max ? { max } : {})} step={step} onChange={(value) => onChange({ [key]: value })} disabled={disabled} />
  );
  return (
    <fieldset className="playground-controls" disabled={disabled}>
      <legend className="visually-hidden">{t('controlsLegend')}</legend>
      <SelectChoice label={t('preset')} value={settings.preset} options={presetOptions} onChange={onPreset} />
      <SelectChoice label={t('task')} value={settings.task} options={taskOptions} onChange={(value: TaskId) => onChange({ task: value })} />
      <p className="playground-statement" data-testid="task-statement">{say(task.statement)}</p>
      <div className="control-grid">
        {slider('length', t('sequenceLength'))}
        {task.span === 'delay' && slider('delay', t('delay'), 1, settings.length - 1)}
        {settings.task === 'parentheses' && slider('maxDepth', t('deepestNesting'))}
      </div>
      <SegmentedChoice label={t('cell')} value={settings.cell} options={cellOptions} onChange={(cell) => onChange({ cell })} />
      <SegmentedChoice label={t('optimiser')} value={settings.optimizer} options={OPTIMIZERS} onChange={(optimizer) => onChange({ optimizer })} />
      <div className="control-grid">
        {slider('hiddenSize', t('hiddenSize'))}
        {slider('numLayers', t('layers'))}
        <LearningRateSlider value={settings.learningRate} range={rangeOf(SCHEMA.learningRate)} onChange={(learningRate) => onChange({ learningRate })} disabled={disabled} />
        <Slider label={t('clipping')} value={settings.clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.5} onChange={(clipNorm) => onChange({ clipNorm })} disabled={disabled} />
        {slider('batch', t('batchSize'), 4)}
        {slider('steps', t('budget'), 10)}
        {slider('seed', t('seed'), 1, 99)}
      </div>
    </fieldset>
  );
});
