export * as dossiersRepo from './dossiers.repo.js';
