/** The channels a read can come through (the access_log_channel_check constraint); isomorphic. */
export const ACCESS_CHANNELS = ['portal', 'vendor-api', 'institution-api', 'cli', 'sftp'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];
