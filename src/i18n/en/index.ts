/** The English catalogue, one JSON file per namespace: the reference every other language matches key for key. */
import bpttStepper from './bpttStepper.json';
import cellComparison from './cellComparison.json';
import cellStepper from './cellStepper.json';
import chapter from './chapter.json';
import charLm from './charLm.json';
import concatIdentity from './concatIdentity.json';
import engine from './engine.json';
import exercise from './exercise.json';
import figure from './figure.json';
import figurePages from './figurePages.json';
import gateInspector from './gateInspector.json';
import gradientFlow from './gradientFlow.json';
import helloTrainer from './helloTrainer.json';
import hiddenStateHeatmap from './hiddenStateHeatmap.json';
import home from './home.json';
import languageOffer from './languageOffer.json';
import paramCount from './paramCount.json';
import readingRnn from './readingRnn.json';
import search from './search.json';
import sequencePlayground from './sequencePlayground.json';
import settings from './settings.json';
import shapeExplorer from './shapeExplorer.json';
import shell from './shell.json';
import sidebar from './sidebar.json';
import training from './training.json';
import workedExample from './workedExample.json';

export default {
  bpttStepper,
  cellComparison,
  cellStepper,
  chapter,
  charLm,
  concatIdentity,
  engine,
  exercise,
  figure,
  figurePages,
  gateInspector,
  gradientFlow,
  helloTrainer,
  hiddenStateHeatmap,
  home,
  languageOffer,
  paramCount,
  readingRnn,
  search,
  sequencePlayground,
  settings,
  shapeExplorer,
  shell,
  sidebar,
  training,
  workedExample,
};
