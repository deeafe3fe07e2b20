export { createNotificationsService, type NotificationsService, type MailConfig, type OutgoingMail, type MessageMail, type RenderMessage, renderMail } from './notifications.service.js';
export { notificationsRoutes } from './notifications.routes.js';
