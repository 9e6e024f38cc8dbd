/** common strings (ar). Keys are shared with the other language's file. */
const common = {} satisfies Record<string, unknown>

export default common
