export { createFileChannelService, sshFingerprint, type FileChannelService, type FileChannelStats, type ChannelSession } from './file-channel.service.js';
export { fileChannelRoutes } from './file-channel.routes.js';
export { startSftpServer, type SftpServer } from './sftp-server.js';
export { fileChannelMessages } from './file-channel-messages.js';
