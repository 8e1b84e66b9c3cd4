import { Heatmap } from '../../components/Heatmap';
import { Matrix } from '../../components/Matrix';
import type { CellKind } from '../../core/cells/types';
import type { ParamValues } from '../../core/unroll/unroll';
import { useT } from '../../i18n/useT';
import { stepNumber } from '../StepperKit/labels';
import { TermBox } from '../StepperKit/termHighlight';
import { gateBlocks, gradientTerm, readerName } from './parameterNames';

/** Up to this many entries a gradient is printed as numbers; larger ones are drawn as heatmaps. */
const PRINTED = 64;

const asRows = (values: ParamValues): number[][] => (Array.isArray(values[0]) ? (values as number[][]) : [values as number[]]);

function Grid({ values, name, caption }: { values: ParamValues; name: string; caption: string }) {
  const t = useT('bpttStepper');
  const rows = asRows(values);
  return rows.length * (rows[0]?.length ?? 0) <= PRINTED ? (
    <Matrix values={rows} name={name} caption={caption} />
  ) : (
    <div className="gradient-heatmap">
      <p className="gradient-caption">{caption} ({rows.length} × {rows[0]?.length ?? 0})</p>
      <Heatmap values={rows} name={name} rowLabel={t('heatmapRow')} colLabel={t('heatmapColumn')} />
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
  const t = useT('bpttStepper');
  const symbol = readerName(param);
  const blocks = gateBlocks(t, kind, param, hiddenSize);
  return (
    <section className="gradient-panel" aria-label={t('weightGradients')}>
      <fieldset className="segmented gradient-picker">
        <legend>{t('parameter')}</legend>
        {names.map((name) => (
          <label key={name}>
            <input type="radio" name="bptt-param" checked={name === param} onChange={() => onParam(name)} /> {readerName(name)}
          </label>
        ))}
      </fieldset>
      {blocks && <p className="gradient-caption">{t('stacksBlocks', { symbol, blocks })}</p>}
      <TermBox term={gradientTerm(param)} className="matrix-row">
        {contribution && step !== null ? (
          <Grid values={contribution} name={t('stepContributionTo', { step: stepNumber(step), symbol })} caption={t('stepContribution', { step: stepNumber(step) })} />
        ) : (
          <p className="placeholder">{t('contributionPlaceholder')}</p>
        )}
        <span className="gradient-plus" aria-hidden="true">⟶</span>
        <Grid values={accumulated} name={t('runningSumOf', { symbol })} caption={t('runningSum')} />
      </TermBox>
    </section>
  );
}
