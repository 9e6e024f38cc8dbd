/** shell strings (ar): app frame, top bar, navigation. Keys are shared with the other language's file. */
const shell = {} satisfies Record<string, unknown>

export default shell
