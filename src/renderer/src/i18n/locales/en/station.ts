/** station strings (en). Keys are shared with the other language's file. */
const station = {} satisfies Record<string, unknown>

export default station
