export { helpRoutes } from './help.routes.js';
export * from './help.schema.js';
