// js-yaml 4 comes with electron-builder (it parses electron-builder.yml with it) and has no bundled
// types; this is the one function the packaging test uses.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown
}
