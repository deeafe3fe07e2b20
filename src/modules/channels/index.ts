export { createChannelsService, type ChannelsService } from './channels.service.js';
export { channelsRoutes } from './channels.routes.js';
export { checkCertificate, type CertificateReport } from './certificate-policy.js';
export * as channelsRepo from './channels.repo.js';
export { createTrustStore, readTrustedCaFile, type TrustStore } from './certificate-trust.js';
