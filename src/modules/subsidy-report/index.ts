export { createSubsidyReportService, type SubsidyReportService } from './subsidy-report.service.js';
export { subsidyReportRoutes } from './subsidy-report.routes.js';
