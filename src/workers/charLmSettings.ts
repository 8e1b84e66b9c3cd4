/**
 * The character-model figure's settings and their allowed values: one schema per settings object. The
 * figure fits stored values and props into them and takes its controls' bounds from them; the worker
 * refuses a request outside them, so no value can reach the engine that the controls could not set.
 */
import { CELL_KINDS } from '../core/cells/types';
import { PREPROCESSINGS, type Preprocessing } from '../core/data/vocabulary';
import type { ReaderMessage } from '../core/readerMessage';
import type { CharLmOptions } from '../core/train/charLm';
import { choice, fitField, integer, number, text, type FieldRule, type SettingsSchema } from '../hooks/settingsSchema';

/** Seeds stay below 2³¹ so that they survive every integer path (PRNG state, JSON, sliders). */
const MAX_SEED = 2 ** 31 - 1;

export const CHAR_LM_OPTIONS_SCHEMA: SettingsSchema<CharLmOptions> = {
  kind: choice(CELL_KINDS),
  nonlinearity: choice(['tanh', 'relu']),
  hiddenSize: integer(8, 512),
  numLayers: integer(1, 3),
  embeddingSize: integer(0, 64),
  steps: integer(5, 100),
  batch: integer(1, 64),
  sampling: choice(['sequential', 'random']),
  optimizer: choice(['sgd', 'adam']),
  learningRate: number(1e-4, 1e3),
  clipNorm: number(0, 10),
  epochs: integer(1, 50),
  seed: integer(0, MAX_SEED),
};

export interface CorpusSettings {
  source: 'builtin' | 'own';
  preprocessing: Preprocessing;
}

export const CORPUS_DEFAULTS: CorpusSettings = { source: 'builtin', preprocessing: 'letters' };
export const CORPUS_SCHEMA: SettingsSchema<CorpusSettings> = {
  source: choice(['builtin', 'own']),
  preprocessing: choice(PREPROCESSINGS),
};

export interface GenerateSettings {
  /** Text the state is warmed up on before the model writes. */
  prefix: string;
  /** Characters to write after the prefix. */
  length: number;
  temperature: number;
  seed: number;
}

export const PREFIX_MAX_LENGTH = 200;
export const GENERATE_DEFAULTS: GenerateSettings = { prefix: 'the ', length: 200, temperature: 0.8, seed: 0 };
export const GENERATE_SCHEMA: SettingsSchema<GenerateSettings> = {
  prefix: text(PREFIX_MAX_LENGTH),
  length: integer(20, 2000),
  temperature: number(0, 2),
  seed: integer(0, MAX_SEED),
};

/** The seed after `seed`, wrapping so that it never leaves its range. */
export const nextSeed = (seed: number) => (seed + 1) % MAX_SEED;

/** Training steps per cell when the figure compares RNN, LSTM and GRU. */
export const COMPARE_STEPS_RULE = integer(50, 5000);
export const COMPARE_STEPS_DEFAULT = 200;

/**
 * Why `value` breaks `schema`, in the words of the controls, or null when every field obeys its rule.
 * The worker uses it: the page fits settings before sending, so a refusal means a bug, never a reader's slip.
 */
export function settingsProblem<T extends object>(schema: SettingsSchema<T>, value: T): ReaderMessage | null {
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    const rule: FieldRule = schema[key];
    const field = value[key];
    const fitted = fitField(rule, field, Symbol('unusable'));
    if (fitted !== field) return { key: 'settings:unusable', values: { field: key, value: String(JSON.stringify(field)), rule: describeRule(rule) } };
  }
  return null;
}

/** What a rule allows, as the refusal names it. */
function describeRule(rule: FieldRule): ReaderMessage {
  switch (rule.type) {
    case 'integer':
      return { key: 'settings:ruleInteger', values: { min: rule.min, max: rule.max } };
    case 'number':
      return { key: 'settings:ruleNumber', values: { min: rule.min, max: rule.max } };
    case 'choice':
      return { key: 'settings:ruleChoice', values: { options: rule.options.join(', ') } };
    case 'boolean':
      return { key: 'settings:ruleBoolean' };
    case 'text':
      return { key: 'settings:ruleText', values: { maxLength: rule.maxLength } };
  }
}
