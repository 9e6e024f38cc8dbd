/** sync strings (en). Keys are shared with the other language's file. */
const sync = {} satisfies Record<string, unknown>

export default sync
