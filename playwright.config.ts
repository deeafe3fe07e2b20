import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.OCMW_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// A fresh data directory per run, so every run starts from the seeded demo data. The config is
// evaluated in every worker too (they inherit the variable), but only the main process starts the
// web server, and only it removes the directory when it exits (after the server has stopped).
const isOwnDataDir = !process.env.OCMW_E2E_DATA_DIR;
const dataDir = process.env.OCMW_E2E_DATA_DIR ?? path.join(os.tmpdir(), `ocmw-e2e-${Date.now()}`);
process.env.OCMW_E2E_DATA_DIR = dataDir;
if (isOwnDataDir && !process.env.KEEP_E2E_DATA) {
  process.on('exit', () => {
    for (const leftover of [dataDir, `${dataDir}.lock`]) rmSync(leftover, { recursive: true, force: true });
  });
}

/** Browser journeys in Debian's Chromium (/usr/bin/chromium) against the real server on port 3100. */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Long journeys with several axe scans on a loaded 2-core CI machine.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./e2e/count-reporter.ts']],
  use: {
    baseURL,
    locale: 'nl-BE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx src/main.ts',
    url: `${baseURL}/ready`,
    env: {
      PORT: String(PORT),
      OCMW_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // The vendor API's port is not used by the journeys; a free one avoids clashes.
      OCMW_VENDOR_PORT: '0',
      // A free SFTP port: the journeys must not clash with a portal already running here on 2222.
      OCMW_SFTP_PORT: '0',
      // R3.9′: the journeys' FTP certificates are issued by this committed test-only CA.
      OCMW_TRUSTED_CA_FILE: 'e2e/fixtures/test-ca.pem',
      // Issue 21: the development identity provider (/dev-idp) for e2e/oidc.spec.ts; its issuer and
      // the portal's redirect URI are built from the public URL, which is the address the browser uses.
      OCMW_DEV_IDP: 'on',
      OCMW_PUBLIC_URL: baseURL,
      // Issue 19: the journeys walk through the 2025 wave themselves (x-ocmw-today), so the demo
      // is seeded as before it; without this it would carry out every merger dated up to today.
      OCMW_DEMO_UNTIL: '2024-12-31',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
