/** shift strings (ar). Keys are shared with the other language's file. */
const shift = {} satisfies Record<string, unknown>

export default shift
