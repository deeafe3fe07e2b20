export { createSubsidyReportService, type SubsidyReportService, type SubsidyReportDeps, type ReportUser } from './subsidy-report.service.js';
export { subsidyReportRoutes } from './subsidy-report.routes.js';
export * from './subsidy-report.schema.js';
export { DEFAULT_FILING_WINDOW, FILING_WINDOW_FORMAT, decideYear, decideSubmission, filingWindow, parseFilingWindow, type FilingWindow, type FilingFacts } from './filing-rules.js';
