/** approval strings (ar). Keys are shared with the other language's file. */
const approval = {} satisfies Record<string, unknown>

export default approval
