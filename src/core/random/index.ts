/**
 * Seeded randomness for the engine. Everything the book initialises as a PyTorch module draws from
 * `TorchGenerator` (PyTorch's own CPU generator and sampling, so a seed means `torch.manual_seed(seed)`);
 * the streams that have no PyTorch counterpart in the book (figure-only inputs, minibatch order, text
 * sampling, dropout masks) use the small seeded generator in `streams.ts`.
 */
export * from './distributions';
export * from './init';
export * from './mt19937';
export * from './streams';
