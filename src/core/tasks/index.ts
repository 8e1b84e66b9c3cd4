/** The sequence playground's engine: tasks, their batches, the model, training, evaluation and the sweep. */
export * from './batches';
export * from './exampleTrace';
export * from './generators';
export * from './model';
export * from './presets';
export * from './sweep';
export * from './sweepReading';
export * from './training';
export * from './types';
