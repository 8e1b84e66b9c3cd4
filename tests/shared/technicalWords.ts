/**
 * Names every edition of the book writes the same way: code, libraries, backends, authors, the words of the
 * math, and the book's running example. The inline-word test (unit) and the untranslated-label check (browser) both set them aside.
 */
export const TECHNICAL_WORDS: ReadonlySet<string> = new Set(
  (
    'RNN RNNs LSTM LSTMs GRU GRUs BPTT nn RNNCell LSTMCell GRUCell Linear Embedding CrossEntropyLoss PyTorch TensorFlow js ' +
    'tfjs WebGPU WebGL WASM WebAssembly CPU GPU SIMD JSON KaTeX tanh relu ReLU sigmoid softmax Adam SGD sgd adam exp log max min argmax ' +
    'Unrolled Recharts MiB KiB ms px English state_dict torch dtype NumPy Python d2l Cho Chung ' +
    // the book's running example, and the subscripts of its gradient symbols (∂h^out, ∂h^fut)
    'hello ohlol out fut'
  ).split(' '),
);

/** Whether `word` is one of them (a plural "s" aside). */
export const isTechnicalWord = (word: string): boolean => TECHNICAL_WORDS.has(word) || TECHNICAL_WORDS.has(word.replace(/s$/, ''));
