/**
 * GradientFlow: the reader picks W_hh (ρ·Q, normal, or a fixed non-normal matrix), its spectral radius ρ,
 * the sequence length T and a clipping threshold θ, and reads ‖∂L/∂h‖ by steps back from the loss on a
 * log chart beside ‖W_hhᵏ‖ and the product with tanh′ held fixed, and what clipping does to the weight
 * gradient — `gradientFlow` in src/core/figures/gradientFlow.ts.
 */
import { Trans } from 'react-i18next';
import { LineChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { SegmentedChoice } from '../../components/Choices';
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import { gradientFlow, type GradientFlowResult, type RecurrentMatrixKind } from '../../core/figures/gradientFlow';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, integer, number, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';

const MATRICES: readonly { value: RecurrentMatrixKind; label: 'matrixNormal' | 'matrixNonNormal' }[] = [
  { value: 'normal', label: 'matrixNormal' },
  { value: 'nonNormal', label: 'matrixNonNormal' },
];
const DEFAULTS = { matrix: 'normal' as RecurrentMatrixKind, radius: 0.9, steps: 40, clipNorm: 1 };
const SCHEMA: SettingsSchema<typeof DEFAULTS> = {
  matrix: choice(MATRICES.map((m) => m.value)),
  radius: number(0.5, 1.6),
  steps: integer(5, 100),
  clipNorm: number(0.1, 10),
};

/** What ρ and σ_max promise about ∂h_t/∂h_k, in the chapter's words (a catalogue key). */
function regimeOf(rho: number, sigmaMax: number) {
  if (sigmaMax < 1) return 'regimeVanishing';
  if (rho > 1) return 'regimeExploding';
  if (rho < 1) return 'regimeNonNormal';
  return 'regimeEdge';
}

/** The numbers under the chart: ρ, σ_max, the norms after the last step back, and what clipping does. */
function Readout({ result, steps, clipNorm }: { result: GradientFlowResult; steps: number; clipNorm: number }) {
  const t = useT('gradientFlow');
  const lastK = steps - 1;
  const threshold = clipNorm.toFixed(1);
  const clipped = result.clippedNorm < result.weightGradientNorm;
  return (
    <p className="widget-readout" data-testid="gradient-flow-readout">
      <Trans
        t={t}
        i18nKey="readout"
        values={{
          hiddenSize: result.hiddenSize,
          radius: result.spectralRadius.toFixed(3),
          sigmaMax: result.spectralNorm.toFixed(3),
          regime: t(regimeOf(result.spectralRadius, result.spectralNorm)),
          steps: lastK,
          saturation: (100 * result.saturation).toFixed(0),
        }}
        components={{
          strong: <strong />,
          sup: <sup />,
          normBack: <ExactNumber value={result.normsBack[lastK]} />,
          linearNorm: <ExactNumber value={result.linearNorms[lastK]} />,
          heldNorm: <ExactNumber value={result.heldNorms[lastK]} />,
          saturation: <span data-value={result.saturation} />,
          weightNorm: <ExactNumber value={result.weightGradientNorm} />,
          clipping: (
            <Trans
              t={t}
              i18nKey={clipped ? 'clipped' : 'notClipped'}
              values={{ threshold }}
              components={{ strong: <strong />, clippedNorm: <ExactNumber value={result.clippedNorm} /> }}
            />
          ),
        }}
      />
    </p>
  );
}

/** Chapter 4: how ‖∂L/∂h_t‖ shrinks or grows with W_hh (normal or not), and what clipping does. */
export default function GradientFlow() {
  const t = useT('gradientFlow');
  const [settings, setSettings, reset] = usePersistentState('gradient-flow', DEFAULTS, SCHEMA);
  const { matrix, radius, steps, clipNorm } = settings;
  const { engine, result, error, busy } = useEngineResult(() => gradientFlow({ matrix, radius, steps, clipNorm, seed: 0 }), [matrix, radius, steps, clipNorm]);

  return (
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('reset')}</button>}>
      <SegmentedChoice
        label={t('matrix')}
        value={matrix}
        options={MATRICES.map((m) => ({ value: m.value, label: t(m.label) }))}
        onChange={(m) => setSettings({ ...settings, matrix: m })}
      />
      <div className="control-grid">
        <Slider
          label={t('radius')}
          value={radius}
          {...rangeOf(SCHEMA.radius)}
          step={0.05}
          format={(v) => v.toFixed(2)}
          disabled={matrix !== 'normal'}
          onChange={(v) => setSettings({ ...settings, radius: v })}
        />
        <Slider label={t('steps')} value={steps} {...rangeOf(SCHEMA.steps)} onChange={(v) => setSettings({ ...settings, steps: v })} />
        <Slider label={t('clipNorm')} value={clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.1} format={(v) => v.toFixed(1)} onChange={(v) => setSettings({ ...settings, clipNorm: v })} />
      </div>
      {result ? (
        <>
          <LineChartCard
            title={t('chartTitle')}
            xLabel={t('stepsBack')}
            yLabel={t('norm')}
            logY
            series={[
              { name: t('seriesTanh'), points: result.normsBack.map((y, x) => ({ x, y })) },
              { name: t('seriesLinear'), points: result.linearNorms.map((y, x) => ({ x, y })) },
              { name: t('seriesHeld'), points: result.heldNorms.map((y, x) => ({ x, y })) },
            ]}
          />
          <Readout result={result} steps={steps} clipNorm={clipNorm} />
        </>
      ) : (
        <p className="placeholder">{t('placeholder')}</p>
      )}
    </WidgetFrame>
  );
}
