/** session strings (ar). Keys are shared with the other language's file. */
const session = {} satisfies Record<string, unknown>

export default session
