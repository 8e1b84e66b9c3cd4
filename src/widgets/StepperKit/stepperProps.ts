import type { CellKind } from '../../core/cells/types';

/** What a chapter may set on a stepper figure (the cell stepper and the BPTT stepper take the same). */
export interface StepperProps {
  kind?: CellKind;
  hiddenSize?: number;
  seqLength?: number;
  seed?: number;
  inputSize?: number;
}
