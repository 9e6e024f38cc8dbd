/** register strings (en). Keys are shared with the other language's file. */
const register = {} satisfies Record<string, unknown>

export default register
