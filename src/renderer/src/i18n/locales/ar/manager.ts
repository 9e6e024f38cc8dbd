/** manager strings (ar). Keys are shared with the other language's file. */
const manager = {} satisfies Record<string, unknown>

export default manager
