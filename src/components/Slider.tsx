import { useId } from 'react';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Shown after the value, e.g. "epochs". */
  unit?: string;
  /** How the value reads on screen; defaults to the number itself. */
  format?: (value: number) => string;
  onChange: (value: number) => void;
  disabled?: boolean;
}

/** A labelled range input with its value beside it; arrow keys and screen readers work as for any range. */
export function Slider({ label, value, min, max, step = 1, unit, format = String, onChange, disabled }: SliderProps) {
  const id = useId();
  const shown = `${format(value)}${unit ? ` ${unit}` : ''}`;
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={shown}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <output htmlFor={id}>{shown}</output>
    </div>
  );
}
