/** registers strings (en): registers of a store and enrollment codes. Keys match ar/registers.ts. */
const registers = {
  title: 'Registers',
  store: 'Store',
  noStores: 'Create a store first.',
  empty: 'No registers in this store yet. Create an enrollment code and enter it on a register.',
  columns: {
    name: 'Name',
    role: 'Kind',
    lastSeen: 'Last seen',
    appVersion: 'App version',
    pending: 'Waiting to sync',
    refused: 'Refused',
    status: 'Status',
    actions: 'Actions',
  },
  kinds: {
    register: 'Register',
    station: 'Station',
  },
  status: {
    active: 'Active',
    revoked: 'Revoked',
  },
  rename: 'Rename',
  renameLabel: 'Rename {{name}}',
  renameTitle: 'Rename register',
  newName: 'Name',
  revoke: 'Revoke',
  revokeLabel: 'Revoke {{name}}',
  revokeTitle: 'Revoke {{name}}?',
  revokeText:
    'The register stops syncing at once and must be enrolled again with a new code. Its unsynced sales stay on it.',
  revokeConfirm: 'Revoke register',
  revoked: '{{name}} is revoked.',
  renamed: 'Renamed to {{name}}.',
  enroll: {
    button: 'New enrollment code',
    title: 'New enrollment code',
    intro: 'Enter the code on the register (Settings → Enroll) or scan the QR code.',
    role: 'For',
    expiresIn: 'Valid for',
    uses: 'Registers it may enroll',
    create: 'Create code',
    code: 'Code',
    expires: 'Expires {{when}}',
    qrAlt: 'QR code for enrollment code {{code}}',
    another: 'Another code',
  },
  expiry: {
    m15: '15 minutes',
    h1: '1 hour',
    h24: '24 hours',
    d7: '7 days',
  },
} satisfies Record<string, unknown>

export default registers
