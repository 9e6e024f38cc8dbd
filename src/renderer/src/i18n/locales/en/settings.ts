/** settings strings (en). Keys are shared with the other language's file. */
const settings = {} satisfies Record<string, unknown>

export default settings
