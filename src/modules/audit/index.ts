export { auditActionLabel, auditMessages } from './audit-messages.js';
export { createAuditService, type AuditService, type AuditEntry, type AuditQuery } from './audit.service.js';
