/** The worked example as wires of the unrolled picture, and the equation terms they stand for. */
import type { GraphColumn, GraphWire } from '../../components/UnrolledGraph';
import type { UnrollSnapshot } from '../../core/unroll/unroll';
import type { WorkedExample } from '../../core/figures/workedExample';
import { INITIAL_NOTE, stepNumber, sub } from '../StepperKit/labels';

/** The terms of the active step's wires, and h_{t−1} on the state wire entering it. */
function mark(wire: GraphWire, t: number, active: number | null): GraphWire {
  if (active === null) return wire;
  const name = wire.id.split('-')[0];
  if (t === active) return { ...wire, terms: [{ x: 'x', a: 'a', hin: 'h', o: 'o', h: 'h' }[name] ?? name] };
  if (t === active - 1 && name === 'h') return { ...wire, terms: ['h_prev'] };
  return wire;
}

/** The picture: x_t below, the pre-activation and state inside, o_t above, the state flowing right from h₀. */
export function exampleGraph(example: WorkedExample, snapshot: UnrollSnapshot | null): { columns: GraphColumn[]; initial: GraphWire[] } {
  const H = example.h0.length;
  const forward = snapshot?.forward ?? [];
  const active = snapshot?.activeStep ?? null;
  const initial: GraphWire[] = [mark({ id: 'h-init', label: `h${sub(0)}`, name: `h_0, ${INITIAL_NOTE}`, values: example.h0, size: H }, -1, active)];
  // Wire ids keep the engine's array index t; what is printed counts steps from 1 (n = t + 1).
  const columns = example.inputs.map((x, t): GraphColumn => {
    const f = forward[t];
    const n = stepNumber(t);
    const at = (wire: GraphWire) => mark(wire, t, active);
    return {
      bottom: at({ id: `x-${t}`, label: `x${sub(n)}`, name: `x_${n}, the input at step ${n} (row ${t} of X)`, values: x, size: x.length }),
      inner: [
        at({ id: `a-${t}`, label: 'a', name: `a_${n} = [h_${n - 1}, x_${n}]·W + b, the pre-activation at step ${n}`, values: f?.values.a ?? null, size: H }),
        at({ id: `hin-${t}`, label: 'h', name: `h_${n} = tanh(a_${n}), the state after step ${n}`, values: f?.values.h ?? null, size: H }),
      ],
      top: at({ id: `o-${t}`, label: `o${sub(n)}`, name: `o_${n} = h_${n}·W_o + b_o, the output at step ${n}`, values: f?.y ?? null, size: example.outputBias.length }),
      links: [at({ id: `h-${t}`, label: `h${sub(n)}`, name: `h_${n}, the hidden state after step ${n} (PyTorch’s output[${t}])`, values: f?.values.h ?? null, size: H })],
    };
  });
  return { columns, initial };
}
