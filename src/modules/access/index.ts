export { createAccessService, choiceId, type AccessService } from './access.service.js';
export { createManagementService, authContextOf, type ManagementService, type Caller } from './management.service.js';
export { accessRoutes, callerOf, sendFile } from './access.routes.js';
export { can, canActOn, permissionsOf, type Permission, type AuthContext } from './authorization.js';
export { hashPassword, verifyPassword, burnVerification, personWithPassword } from './passwords.js';
export * as accessRepo from './access.repo.js';
export { renderTable, type Cell, type ExportTable, type ExportFile } from './access-export.js';
