// Imported first by every command-line entry point, before better-sqlite3 loads: on an older
// Node its N-API build crashes the process instead of throwing, which tells a user nothing.
const major = Number(process.versions.node.split('.')[0])
if (!process.versions.electron && major < 22) {
  console.error(
    `AuraFlow needs Node 22 or newer; this is Node ${process.versions.node} (${process.execPath}).\n` +
      'Run it through npm (npm run web, npm start, npx tsx …): `npm ci` installs Node 22 into node_modules/.bin and npm puts it first on PATH.',
  )
  process.exit(1)
}
