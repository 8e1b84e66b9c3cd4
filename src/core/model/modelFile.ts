/**
 * A trained character model as one JSON file: its configuration, its vocabulary and its PyTorch
 * state_dict (`embedding.weight`, `rnn.weight_ih_l0`, …, `fc.weight`, `fc.bias`), so a reader can go on
 * in PyTorch and come back. Reading a file checks everything before anything is built from it.
 */
import { isPreprocessing, type Preprocessing, type Vocabulary } from '../data/vocabulary';
import { vocabularyFromTokens } from '../data/vocabulary';
import { parseJsonText } from '../layer/jsonText';
import { CharModel, charModelParameterSpecs, type CharModelConfig } from './model';
import { parseStateDict, type StateDictJson } from '../layer/stateDict';

export const MODEL_FILE_FORMAT = 'unrolled-char-model/1';

export interface ModelFile {
  format: typeof MODEL_FILE_FORMAT;
  config: CharModelConfig;
  preprocessing: Preprocessing;
  /** Index → token; index 0 is `<unk>`. */
  vocabulary: string[];
  state_dict: StateDictJson;
}

/** The file for a model and the vocabulary it was trained with. */
export async function toModelFile(model: CharModel, vocabulary: Vocabulary, preprocessing: Preprocessing): Promise<ModelFile> {
  return { format: MODEL_FILE_FORMAT, config: model.config, preprocessing, vocabulary: vocabulary.tokens, state_dict: await model.toStateDict() };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The most parameters a file may describe: several times the largest model the page trains, and about 80 MB of float32. */
export const MAX_PARAMETERS = 20_000_000;

/** Each size's reader-facing name and the range a model file may give it. */
const RANGES = {
  vocabSize: { label: 'vocabulary size', min: 2, max: 100_000 },
  embeddingSize: { label: 'embedding size', min: 0, max: 4096 },
  hiddenSize: { label: 'hidden size', min: 1, max: 4096 },
  numLayers: { label: 'number of layers', min: 1, max: 16 },
} as const;

function readConfig(value: unknown): CharModelConfig {
  if (!isRecord(value)) throw new Error('the file has no "config" object');
  const integer = (field: keyof typeof RANGES) => {
    const v = value[field];
    const { label, min, max } = RANGES[field];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      throw new Error(`the ${label} (config.${field}) must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    }
    return v as number;
  };
  if (value.kind !== 'RNN' && value.kind !== 'LSTM' && value.kind !== 'GRU') throw new Error(`config.kind must be "RNN", "LSTM" or "GRU", got ${JSON.stringify(value.kind)}`);
  const nonlinearity = value.nonlinearity ?? 'tanh';
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') throw new Error(`config.nonlinearity must be "tanh" or "relu"`);
  if (nonlinearity === 'relu' && value.kind !== 'RNN') throw new Error(`config.nonlinearity "relu" is for an RNN only; ${value.kind} has fixed activations`);
  const config: CharModelConfig = {
    kind: value.kind,
    vocabSize: integer('vocabSize'),
    embeddingSize: integer('embeddingSize'),
    hiddenSize: integer('hiddenSize'),
    numLayers: integer('numLayers'),
    nonlinearity,
    head: value.head !== false,
    reduction: value.reduction === 'sum' ? 'sum' : 'mean',
  };
  if (!config.head && config.hiddenSize !== config.vocabSize) {
    throw new Error(`without a linear head (config.head) the hidden size (${config.hiddenSize}) must equal the vocabulary size (${config.vocabSize})`);
  }
  return config;
}

/** Refuses a model too big to build here, by its parameter count, before anything is built. */
function checkParameterBudget(parameters: readonly { shape: readonly number[] }[], config: CharModelConfig): void {
  const count = parameters.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0);
  if (count > MAX_PARAMETERS) {
    const { kind, hiddenSize, numLayers, vocabSize } = config;
    throw new Error(
      `the file describes ${kind === 'GRU' ? 'a' : 'an'} ${kind} with hidden size ${hiddenSize}, ${numLayers} layer${numLayers > 1 ? 's' : ''} and ${vocabSize} tokens: ` +
        `${count.toLocaleString('en-US')} parameters, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} this page can hold`,
    );
  }
}

/**
 * Builds the model a file describes. Everything is checked before any tensor exists: the file's size and
 * nesting, the format, the config's ranges and the model's parameter count, the vocabulary, and every
 * parameter's name, shape and values. Throws an Error saying what is wrong, having built nothing.
 * @param json the parsed file or its text
 */
export function fromModelFile(json: unknown): { model: CharModel; vocabulary: Vocabulary; preprocessing: Preprocessing } {
  const file = typeof json === 'string' ? parseJsonText(json) : json;
  if (!isRecord(file) || file.format !== MODEL_FILE_FORMAT) throw new Error(`not a model file: "format" must be "${MODEL_FILE_FORMAT}"`);
  const config = readConfig(file.config);
  const parameters = charModelParameterSpecs(config);
  checkParameterBudget(parameters, config);
  const vocabulary = vocabularyFromTokens(file.vocabulary);
  if (vocabulary.tokens.length !== config.vocabSize) {
    throw new Error(`the vocabulary has ${vocabulary.tokens.length} tokens but config.vocabSize is ${config.vocabSize}`);
  }
  // Files from before the `characters` setting, or from elsewhere, count as text kept as written.
  const preprocessing = isPreprocessing(file.preprocessing) ? file.preprocessing : 'raw';
  const values = parseStateDict(file.state_dict, parameters);
  const model = CharModel.create(config, 0);
  try {
    model.setParameters(values);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, vocabulary, preprocessing };
}
