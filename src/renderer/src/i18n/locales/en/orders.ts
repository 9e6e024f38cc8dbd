/** orders strings (en). Keys are shared with the other language's file. */
const orders = {} satisfies Record<string, unknown>

export default orders
