/**
 * What the gate-trace figures (hidden-state heatmap, gate inspector, cell comparison) let a reader choose
 * about the sequence they trace: the input pattern, the hidden size, the number of time steps and the seed.
 */
import { INPUT_PATTERN_NAMES, INPUT_PATTERNS, isInputPattern, type InputPattern } from '../core/inputPatterns';
import { clampInteger } from '../hooks/usePersistentState';
import { SelectChoice } from './Choices';
import { Slider } from './Slider';

export interface TraceSettings {
  pattern: InputPattern;
  hiddenSize: number;
  seqLength: number;
  seed: number;
}

/** The largest hidden size and sequence length a figure offers. */
export interface TraceLimits {
  maxHidden: number;
  maxSteps: number;
}

const MAX_SEED = 99;

/** A figure's first settings: its props (or `fallback`), each clamped into its slider's range. */
export function traceDefaults(
  props: { hiddenSize?: number; seqLength?: number; seed?: number },
  fallback: { pattern: InputPattern; hiddenSize: number; seqLength: number },
  { maxHidden, maxSteps }: TraceLimits,
): TraceSettings {
  return {
    pattern: fallback.pattern,
    hiddenSize: clampInteger(props.hiddenSize, 1, maxHidden, fallback.hiddenSize),
    seqLength: clampInteger(props.seqLength, 1, maxSteps, fallback.seqLength),
    seed: clampInteger(props.seed, 0, MAX_SEED, 0),
  };
}

/** Whether settings stored by an earlier visit still fit the sliders; anything else is dropped. */
export function isTraceSettings(value: unknown, { maxHidden, maxSteps }: TraceLimits): value is TraceSettings {
  const s = value as TraceSettings;
  return (
    typeof s === 'object' && s !== null && isInputPattern(s.pattern) && clampInteger(s.hiddenSize, 1, maxHidden, -1) === s.hiddenSize &&
    clampInteger(s.seqLength, 1, maxSteps, -1) === s.seqLength && clampInteger(s.seed, 0, MAX_SEED, -1) === s.seed
  );
}

/** The input pattern menu. */
export function InputPatternChoice({ value, onChange }: { value: InputPattern; onChange: (pattern: InputPattern) => void }) {
  return <SelectChoice label="Input" value={value} options={INPUT_PATTERNS.map((p) => ({ value: p, label: INPUT_PATTERN_NAMES[p] }))} onChange={onChange} />;
}

/** Hidden size, time steps and seed, named as PyTorch and the chapters name them. */
export function TraceSliders({ settings, limits, onChange }: { settings: TraceSettings; limits: TraceLimits; onChange: (patch: Partial<TraceSettings>) => void }) {
  return (
    <div className="control-grid">
      <Slider label="hidden_size" value={settings.hiddenSize} min={1} max={limits.maxHidden} onChange={(hiddenSize) => onChange({ hiddenSize })} />
      <Slider label="time steps T" value={settings.seqLength} min={1} max={limits.maxSteps} onChange={(seqLength) => onChange({ seqLength })} />
      <Slider label="seed" value={settings.seed} min={0} max={MAX_SEED} onChange={(seed) => onChange({ seed })} />
    </div>
  );
}
