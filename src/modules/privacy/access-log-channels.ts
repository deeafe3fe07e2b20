/** The channels a read can come through (the access_log_channel_check constraint, migration 0028); isomorphic. `file-https`: the channel account's HTTPS downloads (the mutation files). */
export const ACCESS_CHANNELS = ['portal', 'vendor-api', 'institution-api', 'cli', 'sftp', 'file-https'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];
