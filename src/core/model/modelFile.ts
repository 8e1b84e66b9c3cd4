/**
 * A trained character model as one JSON file: its configuration, its vocabulary and its PyTorch
 * state_dict (`embedding.weight`, `rnn.weight_ih_l0`, …, `fc.weight`, `fc.bias`), so a reader can go on
 * in PyTorch and come back. Reading a file checks everything before anything is built from it.
 */
import { isPreprocessing, type Preprocessing, type Vocabulary } from '../data/vocabulary';
import { vocabularyFromTokens } from '../data/vocabulary';
import { parseJsonText } from '../layer/jsonText';
import { ReaderError } from '../readerMessage';
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

/** Each size's range in a model file, and the message that names it when a file breaks it. */
const RANGES = {
  vocabSize: { problem: 'charLm:configVocabSizeRange', min: 2, max: 100_000 },
  embeddingSize: { problem: 'charLm:configEmbeddingSizeRange', min: 0, max: 4096 },
  hiddenSize: { problem: 'charLm:configHiddenSizeRange', min: 1, max: 4096 },
  numLayers: { problem: 'charLm:configNumLayersRange', min: 1, max: 16 },
} as const;

function readConfig(value: unknown): CharModelConfig {
  if (!isRecord(value)) throw new ReaderError({ key: 'charLm:noConfig' });
  const integer = (field: keyof typeof RANGES) => {
    const v = value[field];
    const { problem, min, max } = RANGES[field];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      throw new ReaderError({ key: problem, values: { min, max, value: String(JSON.stringify(v)) } });
    }
    return v as number;
  };
  if (value.kind !== 'RNN' && value.kind !== 'LSTM' && value.kind !== 'GRU') throw new ReaderError({ key: 'charLm:configKind', values: { value: String(JSON.stringify(value.kind)) } });
  const nonlinearity = value.nonlinearity ?? 'tanh';
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') throw new ReaderError({ key: 'charLm:configNonlinearity' });
  if (nonlinearity === 'relu' && value.kind !== 'RNN') throw new ReaderError({ key: 'charLm:configReluOnlyRnn', values: { kind: value.kind } });
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
    throw new ReaderError({ key: 'charLm:configHeadlessSizes', values: { hiddenSize: config.hiddenSize, vocabSize: config.vocabSize } });
  }
  return config;
}

/** Refuses a model too big to build here, by its parameter count, before anything is built. */
function checkParameterBudget(parameters: readonly { shape: readonly number[] }[], config: CharModelConfig): void {
  const count = parameters.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0);
  if (count > MAX_PARAMETERS) {
    const { kind, hiddenSize, numLayers, vocabSize } = config;
    // English says "a GRU" but "an RNN", "an LSTM": the article goes by how the name is spoken.
    const key = kind === 'GRU' ? 'charLm:modelTooBigGru' : 'charLm:modelTooBig';
    throw new ReaderError({ key, values: { kind, hiddenSize, count: numLayers, vocabSize, parameters: count, limit: MAX_PARAMETERS } });
  }
}

/**
 * Builds the model a file describes. Everything is checked before any tensor exists: the file's size and
 * nesting, the format, the config's ranges and the model's parameter count, the vocabulary, and every
 * parameter's name, shape and values. Throws a ReaderError saying what is wrong, having built nothing.
 * @param json the parsed file or its text
 */
export function fromModelFile(json: unknown): { model: CharModel; vocabulary: Vocabulary; preprocessing: Preprocessing } {
  const file = typeof json === 'string' ? parseJsonText(json) : json;
  if (!isRecord(file) || file.format !== MODEL_FILE_FORMAT) throw new ReaderError({ key: 'charLm:notModelFile', values: { format: MODEL_FILE_FORMAT } });
  const config = readConfig(file.config);
  const parameters = charModelParameterSpecs(config);
  checkParameterBudget(parameters, config);
  const vocabulary = vocabularyFromTokens(file.vocabulary);
  if (vocabulary.tokens.length !== config.vocabSize) {
    throw new ReaderError({ key: 'charLm:vocabularySizeMismatch', values: { tokens: vocabulary.tokens.length, vocabSize: config.vocabSize } });
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
