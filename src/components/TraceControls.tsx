/**
 * What the gate-trace figures (hidden-state heatmap, gate inspector, cell comparison) let a reader choose
 * about the sequence they trace: the input pattern, the hidden size, the number of time steps and the seed.
 */
import { INPUT_PATTERN_NAMES, INPUT_PATTERNS, type InputPattern } from '../core/figures/inputPatterns';
import { choice, fitSettings, integer, rangeOf, type SettingsSchema } from '../hooks/settingsSchema';
import { useReaderText } from '../i18n/readerText';
import { useT } from '../i18n/useT';
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

/** The sliders' ranges for a figure's limits: one rule per number, for props, storage and sliders alike. */
function traceRules({ maxHidden, maxSteps }: TraceLimits) {
  return { hiddenSize: integer(1, maxHidden), seqLength: integer(1, maxSteps), seed: integer(0, MAX_SEED) };
}

/** A figure's first settings: its props (or `fallback`), each clamped into its slider's range. */
export function traceDefaults(
  props: { hiddenSize?: number; seqLength?: number; seed?: number },
  fallback: { pattern: InputPattern; hiddenSize: number; seqLength: number },
  limits: TraceLimits,
): TraceSettings {
  return { pattern: fallback.pattern, ...fitSettings(traceRules(limits), props, { hiddenSize: fallback.hiddenSize, seqLength: fallback.seqLength, seed: 0 }) };
}

/** The schema of the trace settings, for props, storage, the URL and the controls alike. */
export function traceSchema(limits: TraceLimits): SettingsSchema<TraceSettings> {
  return { pattern: choice(INPUT_PATTERNS), ...traceRules(limits) };
}

/** The input pattern menu. */
export function InputPatternChoice({ value, onChange }: { value: InputPattern; onChange: (pattern: InputPattern) => void }) {
  const t = useT('figure');
  const say = useReaderText();
  return <SelectChoice label={t('inputPattern')} value={value} options={INPUT_PATTERNS.map((p) => ({ value: p, label: say(INPUT_PATTERN_NAMES[p]) }))} onChange={onChange} />;
}

/** Hidden size, time steps and seed, named as PyTorch and the chapters name them. */
export function TraceSliders({ settings, limits, onChange }: { settings: TraceSettings; limits: TraceLimits; onChange: (patch: Partial<TraceSettings>) => void }) {
  const rules = traceRules(limits);
  const t = useT('figure');
  return (
    <div className="control-grid">
      <Slider label="hidden_size" value={settings.hiddenSize} {...rangeOf(rules.hiddenSize)} onChange={(hiddenSize) => onChange({ hiddenSize })} />
      <Slider label={t('timeSteps')} value={settings.seqLength} {...rangeOf(rules.seqLength)} onChange={(seqLength) => onChange({ seqLength })} />
      <Slider label={t('seed')} value={settings.seed} {...rangeOf(rules.seed)} onChange={(seed) => onChange({ seed })} />
    </div>
  );
}
