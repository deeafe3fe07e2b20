export { createAccessLog, type AccessLog, type AccessEntry, type AccessActor, type AccessChannel } from './access-log.js';
export { ACCESS_CHANNELS } from './access-log-channels.js';
export { registerAccessLog, portalReader, type AccessRead, type Reader } from './access-log-http.js';
export { createAccessLogService, type AccessLogService } from './access-log.service.js';
export { accessLogRoutes } from './access-log.routes.js';
export { accessLogMessages } from './access-log-messages.js';
