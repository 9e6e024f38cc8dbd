/** catalog strings (ar). Keys are shared with the other language's file. */
const catalog = {} satisfies Record<string, unknown>

export default catalog
