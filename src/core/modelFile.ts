/**
 * A trained character model as one JSON file: its configuration, its vocabulary and its PyTorch
 * state_dict (`embedding.weight`, `rnn.weight_ih_l0`, …, `fc.weight`, `fc.bias`), so a reader can go on
 * in PyTorch and come back. Reading a file checks everything before anything is built from it.
 */
import { isPreprocessing, type Preprocessing, type Vocabulary } from './data/vocabulary';
import { vocabularyFromTokens } from './data/vocabulary';
import { CharModel, type CharModelConfig } from './model';
import type { StateDictJson } from './stateDict';

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

function readConfig(value: unknown): CharModelConfig {
  if (!isRecord(value)) throw new Error('the file has no "config" object');
  const integer = (field: string, min: number) => {
    const v = value[field];
    if (!Number.isInteger(v) || (v as number) < min) throw new Error(`config.${field} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    return v as number;
  };
  if (value.kind !== 'RNN' && value.kind !== 'LSTM' && value.kind !== 'GRU') throw new Error(`config.kind must be "RNN", "LSTM" or "GRU", got ${JSON.stringify(value.kind)}`);
  const nonlinearity = value.nonlinearity ?? 'tanh';
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') throw new Error(`config.nonlinearity must be "tanh" or "relu"`);
  return {
    kind: value.kind,
    vocabSize: integer('vocabSize', 2),
    embeddingSize: integer('embeddingSize', 0),
    hiddenSize: integer('hiddenSize', 1),
    numLayers: integer('numLayers', 1),
    nonlinearity,
    head: value.head !== false,
    reduction: value.reduction === 'sum' ? 'sum' : 'mean',
  };
}

/**
 * Builds the model a file describes. Throws an Error saying what is wrong (the format, a config field,
 * the vocabulary, or a parameter by name) and builds nothing when the file is not valid.
 * @param json the parsed file or its text
 */
export function fromModelFile(json: unknown): { model: CharModel; vocabulary: Vocabulary; preprocessing: Preprocessing } {
  let file: unknown = json;
  if (typeof json === 'string') {
    try {
      file = JSON.parse(json);
    } catch {
      throw new Error('the file is not JSON');
    }
  }
  if (!isRecord(file) || file.format !== MODEL_FILE_FORMAT) throw new Error(`not a model file: "format" must be "${MODEL_FILE_FORMAT}"`);
  const config = readConfig(file.config);
  const vocabulary = vocabularyFromTokens(file.vocabulary);
  if (vocabulary.tokens.length !== config.vocabSize) {
    throw new Error(`the vocabulary has ${vocabulary.tokens.length} tokens but config.vocabSize is ${config.vocabSize}`);
  }
  // Files from before the `characters` setting, or from elsewhere, count as text kept as written.
  const preprocessing = isPreprocessing(file.preprocessing) ? file.preprocessing : 'raw';
  const model = CharModel.create(config, 0);
  try {
    model.loadStateDict(file.state_dict);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, vocabulary, preprocessing };
}
