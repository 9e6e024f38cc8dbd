/** health strings (en): sync health of every register. Keys match ar/health.ts. */
const health = {
  title: 'Sync health',
  intro:
    'Every register of your stores, as the server last heard from it. The page refreshes every 10 seconds.',
  updated: 'Updated {{ago}}',
  notYet: 'Not updated yet',
  refresh: 'Refresh now',
  refreshFailed: 'Could not refresh ({{reason}}). The figures shown are from the last update.',
  noStores: 'No stores to show yet.',
  noRegisters: 'No registers in this store yet.',
  headSeq: 'Changes on the server: {{total}}',
  openConflicts: 'Open conflicts: {{total}}',
  tableCaption: 'Registers of {{store}}',
  columns: {
    register: 'Register',
    verdict: 'Health',
    lastSeen: 'Last seen',
    connection: 'Live connection',
    cursorLag: 'Changes not pulled',
    pending: 'Waiting to push',
    refused: 'Refused',
    conflicts: 'Conflicts',
    appVersion: 'App version',
  },
  connected: 'Connected',
  notConnected: 'Not connected',
  verdicts: {
    ok: 'OK',
    behind: 'Behind',
    stale: 'Stale',
    offline: 'Offline',
    refused: 'Has refused work',
    revoked: 'Revoked',
  },
  legendTitle: 'What the words mean',
  help: {
    ok: 'Up to date both ways.',
    behind: 'Has changes to pull from the server or its own still to push.',
    stale: 'Quiet for more than 2 minutes and not connected.',
    offline: 'Not heard from for 15 minutes, or never.',
    refused: 'The server refused some of its changes; they wait for a person on that register.',
    revoked: 'No longer allowed to sync.',
  },
} satisfies Record<string, unknown>

export default health
