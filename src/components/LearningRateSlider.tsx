import { formatNumber } from './format';
import { Slider } from './Slider';
import { useT } from '../i18n/useT';

/** Significant digits a learning rate keeps: the slider's steps of 10^0.1 need no more. */
const DIGITS = 3;

export interface LearningRateSliderProps {
  value: number;
  /** The schema's range for the rate, e.g. `rangeOf(SCHEMA.learningRate)`. */
  range: { min: number; max: number };
  onChange: (learningRate: number) => void;
  disabled?: boolean;
}

/**
 * Learning rates matter by their order of magnitude, so the slider moves on a log scale (ten steps per
 * decade) while the reader sees, and the trainer gets, the rate itself.
 */
export function LearningRateSlider({ value, range, onChange, disabled }: LearningRateSliderProps) {
  const t = useT('figure');
  return (
    <Slider
      label={t('learningRate')}
      value={Math.log10(value)}
      min={Math.log10(range.min)}
      max={Math.log10(range.max)}
      step={0.1}
      format={(exponent) => formatNumber(10 ** exponent, DIGITS)}
      onChange={(exponent) => onChange(Number((10 ** exponent).toPrecision(DIGITS)))}
      disabled={disabled}
    />
  );
}
