import { defineConfig } from 'drizzle-kit';

// Generates the one SQL migration folder that PGlite and PostgreSQL both apply at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
