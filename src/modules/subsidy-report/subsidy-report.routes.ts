import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SubsidyReportService } from './subsidy-report.service.js';

/** HTTP ↔ Uniek verslag. */
export const subsidyReportRoutes: FastifyPluginAsyncZod<{ subsidyReport: SubsidyReportService }> = async (app, { subsidyReport }) => {
  void app;
  void subsidyReport;
};
