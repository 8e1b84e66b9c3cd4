/**
 * Seeded randomness for the engine. Everything the book initialises as a PyTorch module draws from
 * `TorchGenerator` (PyTorch's own CPU generator and sampling, so a seed means `torch.manual_seed(seed)`);
 * so do the inputs a figure draws after its modules. The streams that have no PyTorch counterpart in the
 * book (the gradient-flow figure's constructed run, minibatch order, text sampling, dropout masks) use the
 * small seeded generator in `streams.ts`.
 */
export * from './distributions';
export * from './init';
export * from './mt19937';
export * from './streams';
