/** shell strings (en): app frame, top bar, navigation. Keys are shared with the other language's file. */
const shell = {
  starting: 'Starting the register…',
  startFailed: 'Could not reach the register: {{reason}}',
  deviceTitle: 'Device {{deviceId}}',
  registerCode: 'Register {{code}}',
  navLabel: 'Main',
  nav: {
    register: 'Register',
    orders: 'Orders',
    shift: 'Shift',
    stock: 'Stock',
    catalog: 'Catalog',
    manager: 'Manager',
    station: 'Station',
    sync: 'Sync',
    settings: 'Settings',
  },
  noShift: 'No shift open',
  noShiftTitle: 'Selling needs an open shift: open one on the Shift screen',
} satisfies Record<string, unknown>

export default shell
