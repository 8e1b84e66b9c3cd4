import { memo } from 'react';
import { SegmentedChoice, SelectChoice } from '../../components/Choices';
import { LearningRateSlider } from '../../components/LearningRateSlider';
import { Slider } from '../../components/Slider';
import { CELL_CHOICES, SEQUENCE_PRESETS, TASKS, type CellChoice, type TaskId } from '../../core/tasks';
import { rangeOf } from '../../hooks/settingsSchema';
import { CUSTOM, PLAYGROUND_SCHEMA as SCHEMA, type PlaygroundSettings } from '../../workers/sequenceSettings';

const TASK_OPTIONS = Object.values(TASKS).map((task) => ({ value: task.id, label: task.title }));
const CELL_OPTIONS = (Object.keys(CELL_CHOICES) as CellChoice[]).map((cell) => ({ value: cell, label: CELL_CHOICES[cell].label }));
const PRESET_OPTIONS = [{ value: CUSTOM, label: 'none (my own settings)' }, ...SEQUENCE_PRESETS.map((p) => ({ value: p.name, label: p.title }))];

interface Props {
  settings: PlaygroundSettings;
  /** a change of any setting but the preset itself leaves the preset */
  onChange: (patch: Partial<PlaygroundSettings>) => void;
  onPreset: (name: string) => void;
  disabled: boolean;
}

/** The task, its span and length, the network and the training budget. */
export const PlaygroundControls = memo(function PlaygroundControls({ settings, onChange, onPreset, disabled }: Props) {
  const task = TASKS[settings.task];
  const slider = (key: 'length' | 'delay' | 'maxDepth' | 'hiddenSize' | 'numLayers' | 'batch' | 'steps' | 'seed', label: string, step = 1, max?: number) => (
    <Slider label={label} value={Math.min(settings[key], max ?? Infinity)} {...rangeOf(SCHEMA[key])} {...(max ? { max } : {})} step={step} onChange={(value) => onChange({ [key]: value })} disabled={disabled} />
  );
  return (
    <fieldset className="playground-controls" disabled={disabled}>
      <legend className="visually-hidden">Task, network and training</legend>
      <SelectChoice label="Preset" value={settings.preset} options={PRESET_OPTIONS} onChange={onPreset} />
      <SelectChoice label="Task" value={settings.task} options={TASK_OPTIONS} onChange={(value: TaskId) => onChange({ task: value })} />
      <p className="playground-statement" data-testid="task-statement">{task.statement}</p>
      <div className="control-grid">
        {slider('length', 'Sequence length T')}
        {task.span === 'delay' && slider('delay', 'Delay d', 1, settings.length - 1)}
        {settings.task === 'parentheses' && slider('maxDepth', 'Deepest nesting')}
      </div>
      <SegmentedChoice label="Cell" value={settings.cell} options={CELL_OPTIONS} onChange={(cell) => onChange({ cell })} />
      <SegmentedChoice label="Optimiser" value={settings.optimizer} options={[{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD' }]} onChange={(optimizer) => onChange({ optimizer })} />
      <div className="control-grid">
        {slider('hiddenSize', 'Hidden size')}
        {slider('numLayers', 'Layers')}
        <LearningRateSlider value={settings.learningRate} range={rangeOf(SCHEMA.learningRate)} onChange={(learningRate) => onChange({ learningRate })} disabled={disabled} />
        <Slider label="Clipping θ (0: off)" value={settings.clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.5} onChange={(clipNorm) => onChange({ clipNorm })} disabled={disabled} />
        {slider('batch', 'Batch size', 4)}
        {slider('steps', 'Budget (steps)', 10)}
        {slider('seed', 'Seed', 1, 99)}
      </div>
    </fieldset>
  );
});
