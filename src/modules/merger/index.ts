export { createMergerService, type MergerService, type NewMerger } from './merger.service.js';
export { deriveScenario, type Scenario, type MergerShape } from './scenario.js';
export * from './merger.schema.js';
export { mergerRoutes } from './merger.routes.js';
export { waveBlocked, type WaveReport, type WaveMerger } from './wave.js';
