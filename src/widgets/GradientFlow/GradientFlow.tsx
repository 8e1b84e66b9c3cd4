/**
 * GradientFlow: the reader picks W_hh (ρ·Q, normal, or a fixed non-normal matrix), its spectral radius ρ,
 * the sequence length T and a clipping threshold θ, and reads ‖∂L/∂h‖ by steps back from the loss on a
 * log chart beside ‖W_hhᵏ‖ and the product with tanh′ held fixed, and what clipping does to the weight
 * gradient — `gradientFlow` in src/core/figures/gradientFlow.ts.
 */
import { LineChartCard } from '../../components/Charts';
import { ExactNumber } from '../../components/ExactNumber';
import { SegmentedChoice } from '../../components/Choices';
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import { gradientFlow, type RecurrentMatrixKind } from '../../core/figures/gradientFlow';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { choice, integer, number, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';

const MATRICES: readonly { value: RecurrentMatrixKind; label: string }[] = [
  { value: 'normal', label: 'ρ·Q (normal)' },
  { value: 'nonNormal', label: '[[2, 3], [−2, −2.6]] (non-normal)' },
];
const DEFAULTS = { matrix: 'normal' as RecurrentMatrixKind, radius: 0.9, steps: 40, clipNorm: 1 };
const SCHEMA: SettingsSchema<typeof DEFAULTS> = {
  matrix: choice(MATRICES.map((m) => m.value)),
  radius: number(0.5, 1.6),
  steps: integer(5, 100),
  clipNorm: number(0.1, 10),
};

/** What ρ and σ_max promise about ∂h_t/∂h_k, in the chapter's words. */
function regimeOf(rho: number, sigmaMax: number): string {
  if (sigmaMax < 1) return 'vanishing, guaranteed (σ_max < 1)';
  if (rho > 1) return 'can explode (ρ > 1), until tanh saturates';
  if (rho < 1) return 'the linear product vanishes (ρ < 1), but with σ_max > 1 tanh′ can make the product grow';
  return 'on the edge';
}

/** Chapter 4: how ‖∂L/∂h_t‖ shrinks or grows with W_hh (normal or not), and what clipping does. */
export default function GradientFlow() {
  const [settings, setSettings, reset] = usePersistentState('gradient-flow', DEFAULTS, SCHEMA);
  const { matrix, radius, steps, clipNorm } = settings;
  const { engine, result, error, busy } = useEngineResult(() => gradientFlow({ matrix, radius, steps, clipNorm, seed: 0 }), [matrix, radius, steps, clipNorm]);
  const lastK = steps - 1;

  return (
    <WidgetFrame title="Gradients through time" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset</button>}>
      <SegmentedChoice label="Recurrent matrix W_hh" value={matrix} options={MATRICES} onChange={(m) => setSettings({ ...settings, matrix: m })} />
      <div className="control-grid">
        <Slider
          label="Spectral radius ρ of W_hh = ρ·Q"
          value={radius}
          {...rangeOf(SCHEMA.radius)}
          step={0.05}
          format={(v) => v.toFixed(2)}
          disabled={matrix !== 'normal'}
          onChange={(v) => setSettings({ ...settings, radius: v })}
        />
        <Slider label="Sequence length T" value={steps} {...rangeOf(SCHEMA.steps)} onChange={(v) => setSettings({ ...settings, steps: v })} />
        <Slider label="Clipping threshold θ" value={clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.1} format={(v) => v.toFixed(1)} onChange={(v) => setSettings({ ...settings, clipNorm: v })} />
      </div>
      {result ? (
        <>
          <LineChartCard
            title="‖∂L/∂h‖ by steps back from the loss (log scale)"
            xLabel="steps back"
            yLabel="norm"
            logY
            series={[
              { name: 'tanh RNN, random inputs', points: result.normsBack.map((y, x) => ({ x, y })) },
              { name: '‖W_hhᵏ‖ (linear RNN)', points: result.linearNorms.map((y, x) => ({ x, y })) },
              { name: '‖(D W_hhᵀ)ᵏ‖, tanh′ held at 1, 0.1, …', points: result.heldNorms.map((y, x) => ({ x, y })) },
            ]}
          />
          <p className="widget-readout" data-testid="gradient-flow-readout">
            With {result.hiddenSize} hidden units, W_hh has spectral radius ρ = <strong>{result.spectralRadius.toFixed(3)}</strong> and largest singular value σ_max ={' '}
            <strong>{result.spectralNorm.toFixed(3)}</strong>. Regime: <strong>{regimeOf(result.spectralRadius, result.spectralNorm)}</strong>. After {lastK} steps back
            the gradient norm is <strong><ExactNumber value={result.normsBack[lastK]} /></strong>; ‖W_hh
            <sup>{lastK}</sup>‖ = <ExactNumber value={result.linearNorms[lastK]} /> and with tanh′ held ‖(D W_hh
            <sup>T</sup>)<sup>{lastK}</sup>‖ = <ExactNumber value={result.heldNorms[lastK]} />; tanh is saturated in <span data-value={result.saturation}>{(100 * result.saturation).toFixed(0)}%</span> of units. The weight gradient's norm is{' '}
            <strong><ExactNumber value={result.weightGradientNorm} /></strong>
            {result.clippedNorm < result.weightGradientNorm ? (
              <>
                ; clipping at θ = {clipNorm.toFixed(1)} rescales it to <strong><ExactNumber value={result.clippedNorm} /></strong>, same direction.
              </>
            ) : (
              <>, below θ = {clipNorm.toFixed(1)}, so clipping leaves it alone.</>
            )}
          </p>
        </>
      ) : (
        <p className="placeholder">The gradient norm per step will be plotted here.</p>
      )}
    </WidgetFrame>
  );
}
