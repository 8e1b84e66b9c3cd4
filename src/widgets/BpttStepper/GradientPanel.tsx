import { Heatmap } from '../../components/Heatmap';
import { Matrix } from '../../components/Matrix';
import type { CellKind } from '../../core/cells/types';
import type { ParamValues } from '../../core/unroll/unroll';
import { stepNumber } from '../StepperKit/labels';
import { TermBox } from '../StepperKit/termHighlight';
import { gateBlocks, gradientTerm, readerName } from './parameterNames';

/** Up to this many entries a gradient is printed as numbers; larger ones are drawn as heatmaps. */
const PRINTED = 64;

const asRows = (values: ParamValues): number[][] => (Array.isArray(values[0]) ? (values as number[][]) : [values as number[]]);

function Grid({ values, name, caption }: { values: ParamValues; name: string; caption: string }) {
  const rows = asRows(values);
  return rows.length * (rows[0]?.length ?? 0) <= PRINTED ? (
    <Matrix values={rows} name={name} caption={caption} />
  ) : (
    <div className="gradient-heatmap">
      <p className="gradient-caption">{caption} ({rows.length} × {rows[0]?.length ?? 0})</p>
      <Heatmap values={rows} name={name} rowLabel="row" colLabel="col" />
    </div>
  );
}

export interface GradientPanelProps {
  kind: CellKind;
  hiddenSize: number;
  /** the engine's parameter names, cell first, then the output layer (shown as the equations' symbols) */
  names: string[];
  param: string;
  onParam: (name: string) => void;
  /** the active step's share of the gradient, null before the first BPTT step */
  contribution: ParamValues | null;
  /** the running sum over the steps processed so far */
  accumulated: ParamValues;
  /** the active step's 0-based array index (printed as step + 1), null before the first BPTT step */
  step: number | null;
}

/**
 * One parameter's gradient: the active step's contribution beside the running sum it was added to, lit
 * when the reader points at ∂L/∂(that parameter) in the equations.
 */
export function GradientPanel({ kind, hiddenSize, names, param, onParam, contribution, accumulated, step }: GradientPanelProps) {
  const symbol = readerName(param);
  const blocks = gateBlocks(kind, param, hiddenSize);
  return (
    <section className="gradient-panel" aria-label="Weight gradients">
      <fieldset className="segmented gradient-picker">
        <legend>Parameter</legend>
        {names.map((name) => (
          <label key={name}>
            <input type="radio" name="bptt-param" checked={name === param} onChange={() => onParam(name)} /> {readerName(name)}
          </label>
        ))}
      </fieldset>
      {blocks && <p className="gradient-caption">{symbol} stacks the gates’ blocks: {blocks}.</p>}
      <TermBox term={gradientTerm(param)} className="matrix-row">
        {contribution && step !== null ? (
          <Grid values={contribution} name={`step ${stepNumber(step)} contribution to ∂L/∂${symbol}`} caption={`step ${stepNumber(step)}’s contribution`} />
        ) : (
          <p className="placeholder">Each BPTT step adds its contribution here.</p>
        )}
        <span className="gradient-plus" aria-hidden="true">⟶</span>
        <Grid values={accumulated} name={`running sum of ∂L/∂${symbol}`} caption="running sum ∂L/∂θ" />
      </TermBox>
    </section>
  );
}
