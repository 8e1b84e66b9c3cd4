/** The worked example as wires of the unrolled picture, and the equation terms they stand for. */
import type { TFunction } from 'i18next';
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import type { WorkedExample } from '../../core/figures/workedExample';
import { stepNumber, sub } from '../StepperKit/labels';

/** The terms of the active step's wires, and h_{t−1} on the state wire entering it. */
function mark(wire: GraphWire, t: number, active: number | null): GraphWire {
  if (active === null) return wire;
  const name = wire.id.split('-')[0];
  if (t === active) return { ...wire, terms: [{ x: 'x', a: 'a', hin: 'h', o: 'o', h: 'h' }[name] ?? name] };
  if (t === active - 1 && name === 'h') return { ...wire, terms: ['h_prev'] };
  return wire;
}

/**
 * The picture: x_t below, the pre-activation and state inside, o_t above, the state flowing right from h₀;
 * the wires named through `t`.
 */
export function exampleGraph(t: TFunction<'workedExample'>, example: WorkedExample, snapshot: UnrollSnapshot | null): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = example.h0.length;
  const forward = snapshot?.forward ?? [];
  const active = snapshot?.activeStep ?? null;
  const initial: GraphWire[] = [mark({ id: 'h-init', label: `h${sub(0)}`, name: t('wireInitialHidden'), values: example.h0, size: H }, -1, active)];
  // Wire ids keep the engine's array index; what is printed counts steps from 1 (step = index + 1).
  const columns = example.inputs.map((x, index): GraphColumn => {
    const f = forward[index];
    const step = stepNumber(index);
    const at = (wire: GraphWire) => mark(wire, index, active);
    return {
      bottom: at({ id: `x-${index}`, label: `x${sub(step)}`, name: t('wireInput', { step, index }), values: x, size: x.length }),
      inner: [
        at({ id: `a-${index}`, label: 'a', name: t('wirePreActivation', { step, previous: step - 1 }), values: f?.values.a ?? null, size: H }),
        at({ id: `hin-${index}`, label: 'h', name: t('wireStateInside', { step }), values: f?.values.h ?? null, size: H }),
      ],
      top: at({ id: `o-${index}`, label: `o${sub(step)}`, name: t('wireOutput', { step }), values: f?.y ?? null, size: example.outputBias.length }),
      links: [at({ id: `h-${index}`, label: `h${sub(step)}`, name: t('wireHidden', { step, index }), values: f?.values.h ?? null, size: H })],
    };
  });
  return { columns, initial };
}
