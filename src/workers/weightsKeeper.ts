/**
 * A plain-array copy of a character model's weights, refreshed now and then, from which the model can
 * be rebuilt on whatever backend runs after the old one died (a lost GPU device takes every tensor with
 * it). The copy is a model file's contents, so the rebuild goes through the same checks as an import.
 */
import type { Preprocessing, Vocabulary } from '../core/data/vocabulary';
import type { CharModel, CharModelConfig } from '../core/model/model';
import { fromModelFile, MODEL_FILE_FORMAT, type ModelFile } from '../core/model/modelFile';

interface Copy {
  config: CharModelConfig;
  vocabulary: string[];
  preprocessing: Preprocessing;
  weights: { name: string; shape: number[]; values: Float32Array }[];
  /** The training step the weights are from, or null for weights that were imported. */
  step: number | null;
}

export class WeightsKeeper {
  private copy: Copy | null = null;
  private copiedAt = -Infinity;

  /** @param everyMs how old a copy may get before `keepIfDue` refreshes it */
  constructor(private readonly everyMs = 1000) {}

  /** The step of the copy's weights (null when imported or absent). */
  get step(): number | null {
    return this.copy?.step ?? null;
  }

  get holdsCopy(): boolean {
    return this.copy !== null;
  }

  /** Copies every weight of `model` now (one read per parameter). */
  async keep(model: CharModel, vocabulary: Vocabulary, preprocessing: Preprocessing, step: number | null): Promise<void> {
    const weights = await Promise.all(
      Object.entries(model.variables).map(async ([name, v]) => ({ name, shape: v.shape, values: new Float32Array(await v.data()) })),
    );
    this.copy = { config: model.config, vocabulary: vocabulary.tokens, preprocessing, weights, step };
    this.copiedAt = performance.now();
  }

  /** Like `keep`, when the copy is older than the cadence: cheap enough to call after every step. */
  async keepIfDue(model: CharModel, vocabulary: Vocabulary, preprocessing: Preprocessing, step: number | null): Promise<void> {
    if (performance.now() - this.copiedAt >= this.everyMs) await this.keep(model, vocabulary, preprocessing, step);
  }

  forget(): void {
    this.copy = null;
    this.copiedAt = -Infinity;
  }

  /** A fresh model on the current backend holding the copied weights, or null when there is no copy. */
  rebuild(): (ReturnType<typeof fromModelFile> & { step: number | null }) | null {
    if (!this.copy) return null;
    const { config, vocabulary, preprocessing, weights, step } = this.copy;
    const file: ModelFile = {
      format: MODEL_FILE_FORMAT,
      config,
      preprocessing,
      vocabulary,
      state_dict: Object.fromEntries(weights.map(({ name, shape, values }) => [name, { shape, data: Array.from(values) }])),
    };
    return { ...fromModelFile(file), step };
  }
}
