export { createNotificationsService, type NotificationsService, type MailConfig, type OutgoingMail } from './notifications.service.js';
export { notificationsRoutes } from './notifications.routes.js';
